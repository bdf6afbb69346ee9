// What someone typed or ticked before the page's script took over (a slow connection, a fast
// typist): hydration writes each control's server-rendered value back over it. The root layout
// notes such values before its children hydrate and puts them back once they have, with the
// input/change events a bound field listens to.
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
interface Typed {
	control: Control;
	id: string;
	value?: string;
	checked?: boolean;
}

const UNTYPED = new Set(['hidden', 'file', 'submit', 'button', 'reset', 'image']);

function typedValue(control: Control): Omit<Typed, 'control' | 'id'> | null {
	if (control instanceof HTMLInputElement) {
		if (UNTYPED.has(control.type)) return null;
		if (control.type === 'checkbox' || control.type === 'radio')
			return control.checked !== control.defaultChecked ? { checked: control.checked } : null;
		return control.value !== control.defaultValue ? { value: control.value } : null;
	}
	if (control instanceof HTMLTextAreaElement)
		return control.value !== control.defaultValue ? { value: control.value } : null;
	const changed = [...control.options].some((o) => o.selected !== o.defaultSelected);
	return changed ? { value: control.value } : null;
}

/** Notes the controls of `root` whose value differs from the page's; returns the restorer. */
export function noteTypedValues(root: Document): () => void {
	const typed: Typed[] = [];
	for (const control of root.querySelectorAll<Control>('input, textarea, select')) {
		const value = typedValue(control);
		if (value) typed.push({ control, id: control.id, ...value });
	}
	return () => {
		for (const t of typed) {
			const control = t.control.isConnected
				? t.control
				: t.id
					? (root.getElementById(t.id) as Control | null)
					: null;
			if (!control) continue;
			if (t.checked !== undefined && control instanceof HTMLInputElement) {
				if (control.checked === t.checked) continue;
				control.checked = t.checked;
				control.dispatchEvent(new Event('change', { bubbles: true }));
			} else if (t.value !== undefined && control.value !== t.value) {
				control.value = t.value;
				control.dispatchEvent(new Event('input', { bubbles: true }));
				control.dispatchEvent(new Event('change', { bubbles: true }));
			}
		}
	};
}
