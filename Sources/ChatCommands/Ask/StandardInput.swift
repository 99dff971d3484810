import ChatCore
import ChatDomain
import Foundation

/// Standard input for `orchat ask`: read whole, up to a cap, without trapping on whatever
/// standard input turns out to be.
public enum StandardInput {
  /// The most `orchat ask` reads: far beyond any model's context, small enough that a
  /// mistaken `< /dev/zero` or a huge log ends with a clear error instead of exhausting
  /// memory.
  public static let limit = 16 * 1024 * 1024

  /// The text of standard input; `nil` when it is a terminal (the prompt is in the
  /// arguments) or closed.
  /// - Throws: `ChatError` of kind `invalidInput` when it holds more than `limit` bytes or
  ///   cannot be read (a directory, an I/O error); the message names the limit or the reason.
  public static func read(from descriptor: Int32 = STDIN_FILENO, limit: Int = limit) throws
    -> String?
  {
    try readData(from: descriptor, limit: limit).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The bytes of standard input; `nil` when it is a terminal or closed. Throws as `read`.
  public static func readData(from descriptor: Int32 = STDIN_FILENO, limit: Int = limit) throws
    -> Data?
  {
    guard isatty(descriptor) == 0 else { return nil }
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes {
        Foundation.read(descriptor, $0.baseAddress, $0.count)
      }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        if errno == EBADF { return nil }
        throw ChatError(
          .invalidInput,
          "cannot read standard input: \(String(cString: strerror(errno)).lowercased())")
      }
      guard data.count + count <= limit else {
        throw ChatError(
          .invalidInput,
          "standard input is larger than \(limit / 1_048_576) MiB, the most orchat ask reads; "
            + "send a part of it (e.g. through head -c)")
      }
      data.append(contentsOf: chunk[0..<count])
    }
    return data
  }
}
