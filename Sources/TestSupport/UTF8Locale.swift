import CWidth

/// Pins the process's character locale for tests.
public enum UTF8Locale {
  /// Sets LC_CTYPE to C.UTF-8, so display widths (libc `wcwidth`) never depend on the
  /// machine. Idempotent; call it from every suite that measures or draws text.
  public static func pin() {
    let status = orchat_pin_c_utf8()
    precondition(status == 0, "C.UTF-8 locale is not available")
  }
}
