import { z } from 'zod';

export const signInSchema = z.object({
	email: z
		.string()
		.trim()
		.min(1, 'Enter your email address.')
		.max(254)
		.email('Enter a valid email address.'),
	password: z.string().min(1, 'Enter your password.').max(256)
});

export const setupSchema = z.object({
	name: z.string().trim().min(1, 'Enter your name.').max(120),
	email: z
		.string()
		.trim()
		.min(1, 'Enter your email address.')
		.max(254)
		.email('Enter a valid email address.'),
	password: z.string().min(10, 'Use at least 10 characters.').max(256)
});
