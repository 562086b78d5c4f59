// Colours that read at WCAG AA (4.5:1) on white and on their light backgrounds, for the staff
// and the public pages alike. antd's defaults do not: its primary blue is 4.1:1 under white
// text, descriptions are #8c8c8c (3.4:1) and the "-7" tag texts of orange, green or gold are
// 2.8–3.4:1 on their tints. Each is replaced by the next darker shade of its own palette.
import type { ThemeConfig } from 'antd';

export const AA_BLUE = '#0958d9';

function darker(colour: string, shade7: string): Record<string, string> {
  return { [`${colour}7`]: shade7, [`${colour}-7`]: shade7 };
}

export const AA_TOKENS: NonNullable<ThemeConfig['token']> = {
  colorPrimary: AA_BLUE,
  colorLink: AA_BLUE,
  colorInfo: AA_BLUE,
  colorTextSecondary: '#595959',
  colorTextTertiary: '#666666',
  colorTextDescription: '#666666',
  colorTextPlaceholder: '#767676', // 4.5:1: a placeholder is the only label some filters show
  colorErrorText: '#cf1322',
  // A danger button's text (结束召集, 退回) is colorError on white: antd's #ff4d4f is 3.3:1.
  colorError: '#cf1322',
  colorWarningText: '#ad4e00',
  colorSuccessText: '#237804',
  // Tag text on its tint (tag colours: text shade 7 on shade 1). Both spellings: the CSS
  // variable --ant-orange-7 is written from 'orange7' and again from 'orange-7'.
  ...darker('volcano', '#ad2102'),
  ...darker('orange', '#ad4e00'),
  ...darker('gold', '#874d00'),
  ...darker('yellow', '#876800'),
  ...darker('lime', '#3f6600'),
  ...darker('green', '#237804'),
  ...darker('cyan', '#006d75'),
};
