/** The add-on's version, shown in "Tentang" and in the sidebar footer. Keep in step with package.json. */
export const VERSION = '0.1.0';
