import ChatDomain
import Foundation

/// A place to write text to: standard output or error, or a buffer in tests.
public protocol TextOutput: Sendable {
  func write(_ text: String)
  /// Whether the output is a terminal (then model text is sanitised before it is written).
  var isTerminal: Bool { get }
}

/// A file descriptor, written unbuffered so streamed tokens appear at once.
public struct FileDescriptorOutput: TextOutput {
  public let descriptor: Int32

  public init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  public static let standardOutput = FileDescriptorOutput(descriptor: STDOUT_FILENO)
  public static let standardError = FileDescriptorOutput(descriptor: STDERR_FILENO)

  public var isTerminal: Bool { isatty(descriptor) == 1 }

  public func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return  // the reader went away (EPIPE); nothing useful is left to do with the text
      }
      offset += written
    }
    bytes.removeAll()
  }
}
