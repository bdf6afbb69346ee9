/**
 * Thrown when a whole file cannot be read: its format is not recognised, it is not valid
 * CSV, or its header lacks columns the format requires. Row-level problems never throw;
 * they are reported as `RowError`s.
 */
export class ImportFormatError extends Error {
	/** Required columns the header lacks (empty when the problem is something else). */
	readonly missingColumns: string[];

	constructor(message: string, missingColumns: string[] = []) {
		super(message);
		this.name = 'ImportFormatError';
		this.missingColumns = missingColumns;
	}
}
