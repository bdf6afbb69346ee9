// The HTTP edge of the DOCX downloads: the language from ?lang= (default English), the file
// answered as an attachment, and errors in the shape of DESIGN §4 (never a 500 for a bad ask).
import type { RequestEvent } from '@sveltejs/kit';
import { errorResponse } from '../http/json';
import type { Lang } from '../editions/types';

export function docxLang(url: URL): Lang {
	const l = url.searchParams.get('lang');
	return l === 'es' || l === 'fr' ? l : 'en';
}

export async function docxResponse(
	event: RequestEvent,
	make: () => Promise<{ bytes: Buffer; fileName: string }>
): Promise<Response> {
	try {
		const { bytes, fileName } = await make();
		return new Response(new Uint8Array(bytes), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
				'content-disposition': `attachment; filename="${fileName}"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		return errorResponse(e, event);
	}
}
