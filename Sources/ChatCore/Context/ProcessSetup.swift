import Foundation

/// Process-wide settings orchat relies on; the executable applies them first thing.
public enum ProcessSetup {
  /// Everything below, in order.
  public static func prepare() {
    ensureStandardDescriptors()
    ignoreBrokenPipes()
  }

  /// A write to a closed pipe (standard output read by `head`, a clipboard helper that
  /// exited) must fail with EPIPE rather than kill the process: every writer handles EPIPE.
  public static func ignoreBrokenPipes() {
    signal(SIGPIPE, SIG_IGN)
  }

  /// Puts /dev/null on standard input, output or error when the process started with one
  /// closed (`orchat ask hi <&-`), so the next file orchat opens (the database) cannot take
  /// descriptor 0, 1 or 2, and reading or writing them is harmless.
  public static func ensureStandardDescriptors() {
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
      guard fcntl(descriptor, F_GETFD) == -1, errno == EBADF else { continue }
      // `open` returns the lowest free descriptor: this one, as the lower ones are open.
      let opened = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
      if opened >= 0, opened != descriptor {
        _ = dup2(opened, descriptor)
        close(opened)
      }
    }
  }
}
