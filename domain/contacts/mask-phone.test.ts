import { maskPhone } from './mask-phone.js';

describe('maskPhone', () => {
  it.each([
    ['+393331234567', '+39 ••••••••67'],
    ['+447911123456', '+44 ••••••••56'],
    ['+33612345678', '+33 •••••••78'],
    ['+14155550100', '+1 ••••••••00'],
  ])('shows %s as %s', (phone, shown) => {
    expect(maskPhone(phone)).toBe(shown);
  });

  it('never shows more than the last two digits of what it cannot read', () => {
    expect(maskPhone('+999123456')).toBe('•••••••56');
  });
});
