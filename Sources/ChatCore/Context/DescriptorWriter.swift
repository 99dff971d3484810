import ChatDomain
import Foundation

/// Writes every byte to a file descriptor, whatever the descriptor does in between: a short
/// write continues where it stopped, EINTR tries again, and a descriptor in non-blocking
/// mode (which a shell can leave on a terminal shared with orchat) is waited on with `poll`
/// instead of losing the rest.
///
/// A reader that went away is `.closed` (EPIPE), not a crash: the process ignores SIGPIPE
/// (`ProcessSetup.ignoreBrokenPipes()`).
public enum DescriptorWriter {
  public enum Outcome: Sendable, Hashable {
    case written
    /// The reading end is closed (EPIPE); nothing more can be written.
    case closed
    /// `deadline` passed before everything was written.
    case timedOut
    /// Another error (`errno`).
    case failed(Int32)
  }

  /// - Parameter deadline: When to give up waiting for a reader that does not read; `nil`
  ///   waits as long as it takes.
  public static func writeAll(
    _ bytes: [UInt8], to descriptor: Int32, deadline: ContinuousClock.Instant? = nil
  ) -> Outcome {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written > 0 {
        offset += written
        continue
      }
      let error = written < 0 ? errno : EIO
      switch error {
      case EINTR:
        continue
      case EAGAIN, EWOULDBLOCK:
        guard waitUntilWritable(descriptor, deadline: deadline) else { return .timedOut }
      case EPIPE:
        return .closed
      default:
        return .failed(error)
      }
    }
    return .written
  }

  /// Waits until `descriptor` takes more bytes (or reports an error, which the next write
  /// then returns); false when `deadline` passed first.
  private static func waitUntilWritable(
    _ descriptor: Int32, deadline: ContinuousClock.Instant?
  ) -> Bool {
    while true {
      var timeout: Int32 = -1
      if let deadline {
        let left = deadline - ContinuousClock.now
        guard left > .zero else { return false }
        timeout = Int32(clamping: left.wholeMilliseconds.addingSaturated(1))
      }
      var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
      let ready = poll(&entry, 1, timeout)
      if ready > 0 { return true }
      if ready < 0, errno != EINTR { return true }  // let the write report the problem
    }
  }
}
