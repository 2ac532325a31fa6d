/** White or black, whichever stands out more against `rgb` (by WCAG's relative luminance). */
export const iconOn = (rgb: string) => {
  // sRGB's curve as a 2.2 power: off by under 0.01, while the better of the two is 4.3:1 or more.
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map((value) => (+value / 255) ** 2.2)
  // Above this luminance black contrasts more than white.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 ? '#000' : '#fff'
}
