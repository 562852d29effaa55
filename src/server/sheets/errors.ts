/** An error whose message is meant for the user as it is (no "Terjadi kesalahan" prefix). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    // Shown like any Error ("Error: …"); the class only tells the menu not to add "Terjadi kesalahan".
    this.name = 'Error';
  }
}
