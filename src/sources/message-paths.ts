/** The path commit messages are reported under, as git names the message file. */
export const COMMIT_MESSAGE_PATH = 'COMMIT_EDITMSG';

/** The path annotated tag messages are reported under, as git names the tag message file. */
export const TAG_MESSAGE_PATH = 'TAG_EDITMSG';
