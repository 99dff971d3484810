import CNcursesw
import ChatUI
import Glibc

/// A pseudo-terminal pair for driving `NcursesTerminal` in-process (tests, benchmarks):
/// the program side (`deviceDescriptor`, POSIX "slave") is what ncurses opens, and the
/// controller side (`controllerDescriptor`, POSIX "master") plays the user's terminal:
/// what is written to it is typed input, what is read from it is the program's output.
public final class PseudoTerminal {
  /// -1 after `hangUp()`.
  public private(set) var controllerDescriptor: Int32
  public let deviceDescriptor: Int32

  /// - Throws: `TerminalError.systemCall` when no pseudo-terminal is available.
  public init(size: TerminalSize) throws(TerminalError) {
    var controller: Int32 = -1
    var device: Int32 = -1
    guard nc_openpty(&controller, &device, Int32(size.rows), Int32(size.columns)) == 0 else {
      throw .systemCall("openpty", errno: errno)
    }
    _ = nc_set_nonblocking(controller)
    _ = nc_set_cloexec(controller)
    _ = nc_set_cloexec(device)
    controllerDescriptor = controller
    deviceDescriptor = device
  }

  deinit {
    if controllerDescriptor >= 0 { close(controllerDescriptor) }
    close(deviceDescriptor)
  }

  /// Closes the controller side, as a terminal window closing does: the program's input
  /// hangs up.
  public func hangUp() {
    guard controllerDescriptor >= 0 else { return }
    close(controllerDescriptor)
    controllerDescriptor = -1
  }

  /// Types `bytes` as if from the keyboard.
  public func type(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBufferPointer { buffer in
        write(controllerDescriptor, buffer.baseAddress, buffer.count)
      }
      if written > 0 {
        offset += written
      } else if errno != EAGAIN && errno != EINTR {
        return
      }
    }
  }

  /// Types a string's UTF-8.
  public func type(_ text: String) {
    type(Array(text.utf8))
  }

  /// Changes the size, as a terminal window resize does (the program sees it on its next
  /// size check; no SIGWINCH is sent).
  public func resize(to size: TerminalSize) {
    _ = nc_set_tty_size(controllerDescriptor, Int32(size.rows), Int32(size.columns))
  }

  /// Reads the program's output until none has arrived for `quietPeriod`. The kernel
  /// hands pty output over asynchronously, so "nothing for a moment" is the only end.
  public func readOutput(quietPeriod: Duration = .milliseconds(50)) -> [UInt8] {
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16_384)
    let milliseconds =
      Int32(quietPeriod.components.seconds * 1000)
      + Int32(quietPeriod.components.attoseconds / 1_000_000_000_000_000)
    while true {
      var descriptor = pollfd(fd: controllerDescriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, milliseconds)
      if ready < 0, errno == EINTR { continue }
      guard ready > 0 else { return output }
      let count = read(controllerDescriptor, &buffer, buffer.count)
      if count > 0 {
        output.append(contentsOf: buffer[0..<count])
      } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
        return output
      }
    }
  }
}
