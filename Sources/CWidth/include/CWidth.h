#ifndef ORCHAT_CWIDTH_H
#define ORCHAT_CWIDTH_H
#include <stdint.h>

/// Columns a terminal gives one Unicode scalar: libc wcwidth() under the current LC_CTYPE,
/// the same measure ncurses uses. -1 for non-printable scalars.
int orchat_wcwidth(int32_t scalar);

/// Makes sure LC_CTYPE is a UTF-8 locale: keeps the user's when it is UTF-8, else C.UTF-8.
/// Returns 0 on success.
int orchat_ensure_utf8_ctype(void);

/// Pins LC_CTYPE to C.UTF-8 (tests, so widths never depend on the machine). Returns 0 on success.
int orchat_pin_c_utf8(void);
#endif
