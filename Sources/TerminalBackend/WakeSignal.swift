import CNcursesw
import Glibc

/// A self-pipe that wakes the run loop from any thread: `signal()` writes one byte, the
/// loop's `poll` sees the read end become readable.
///
/// Signals coalesce: many `signal()` calls before the loop wakes give one wake-up, and no
/// call is ever lost (the pipe stays readable until drained, and draining happens before
/// the loop looks for work).
///
/// `Sendable` without locks: the descriptors never change after `init`, and `write` and
/// `read` on a pipe are safe from any thread.
public final class WakeSignal: Sendable {
  /// The end the waiting side polls.
  public let readDescriptor: Int32
  private let writeDescriptor: Int32

  /// - Throws: `TerminalError.systemCall` when no pipe can be made.
  public init() throws(TerminalError) {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else { throw .systemCall("pipe", errno: errno) }
    for descriptor in descriptors {
      _ = nc_set_nonblocking(descriptor)
      _ = nc_set_cloexec(descriptor)
    }
    readDescriptor = descriptors[0]
    writeDescriptor = descriptors[1]
  }

  deinit {
    close(readDescriptor)
    close(writeDescriptor)
  }

  /// Wakes the waiting side. Callable from any thread and never blocks: a full pipe
  /// already means "awake".
  public func signal() {
    var byte: UInt8 = 1
    _ = write(writeDescriptor, &byte, 1)
  }

  /// Empties the pipe; returns whether it held a signal.
  @discardableResult
  public func drain() -> Bool {
    var buffer = [UInt8](repeating: 0, count: 64)
    var drained = false
    while read(readDescriptor, &buffer, buffer.count) > 0 { drained = true }
    return drained
  }

  /// Sleeps until `signal()` is called or `timeout` passes (`nil`: for ever), then drains.
  /// For loops with no other descriptor to watch (the scripted terminal).
  ///
  /// - Returns: Whether a signal arrived.
  public func wait(timeout: Duration?) -> Bool {
    var descriptor = pollfd(fd: readDescriptor, events: Int16(POLLIN), revents: 0)
    let deadline = timeout.map { ContinuousClock.now + $0 }
    while true {
      let rc = poll(&descriptor, 1, PollTimeout.milliseconds(until: deadline))
      if rc > 0 { return drain() }
      if rc == 0 || errno != EINTR { return false }
    }
  }
}

/// Converts deadlines into `poll` timeouts.
enum PollTimeout {
  /// Milliseconds from now until `deadline`, rounded up so a wait never ends early; -1 (for
  /// ever) without a deadline; 0 once it has passed.
  static func milliseconds(until deadline: ContinuousClock.Instant?) -> Int32 {
    guard let deadline else { return -1 }
    let remaining = ContinuousClock.now.duration(to: deadline)
    guard remaining > .zero else { return 0 }
    let (seconds, attoseconds) = remaining.components
    let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(clamping: milliseconds)
  }
}
