/** English strings for the page's appearance (colour scheme). */
export const appearanceEn = {
  'theme.label': 'Colours',
  'theme.system': 'Follow the system',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
} as const;
