#define _XOPEN_SOURCE 700
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include "CWidth.h"

int orchat_wcwidth(int32_t scalar) { return wcwidth((wchar_t)scalar); }

static int is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

int orchat_ensure_utf8_ctype(void) {
  setlocale(LC_CTYPE, "");
  if (is_utf8()) return 0;
  return orchat_pin_c_utf8();
}

int orchat_pin_c_utf8(void) {
  if (setlocale(LC_CTYPE, "C.UTF-8") != NULL && is_utf8()) return 0;
  if (setlocale(LC_CTYPE, "C.utf8") != NULL && is_utf8()) return 0;
  return -1;
}
