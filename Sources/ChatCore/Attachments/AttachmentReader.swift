import ChatDomain
import Foundation

/// Reads files to attach: checks that each is a regular file within the limits before
/// reading it, then decides its kind from the bytes (`AttachmentSniffer`).
public enum AttachmentReader {
  /// `path` with a leading `~` or `~/` expanded to `home` (`$HOME`).
  public static func expand(_ path: String, home: String?) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home, !home.isEmpty else { return path }
    return home + path.dropFirst()
  }

  /// Reads the file at `path`.
  /// - Parameters:
  ///   - name: The name the attachment keeps; the path's last component when `nil`.
  ///   - limits: The file must be within `limits.fileBytes`, and together with
  ///     `attachedBytes` (what the message already carries) within `limits.messageBytes`.
  public static func read(
    path: String, name: String? = nil, limits: AttachmentLimits, attachedBytes: Int = 0
  ) -> Result<AttachmentFile, AttachmentProblem> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { return .failure(.missing(path: path)) }
      if code == EISDIR { return .failure(.directory(path: path)) }
      return .failure(.unreadable(path: path, reason: reason(code)))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      return .failure(.unreadable(path: path, reason: reason(errno)))
    }
    switch status.st_mode & 0o170_000 {
    case 0o040_000: return .failure(.directory(path: path))
    case 0o100_000: break
    default: return .failure(.notRegularFile(path: path))
    }
    let size = Int(status.st_size)
    if let problem = check(size: size, path: path, limits: limits, attachedBytes: attachedBytes) {
      return .failure(problem)
    }
    var data = Data(count: size)
    var total = 0
    let failure: Int32? = data.withUnsafeMutableBytes { buffer -> Int32? in
      while total < size {
        let count = Foundation.read(descriptor, buffer.baseAddress! + total, size - total)
        if count == 0 { break }
        if count < 0 {
          if errno == EINTR || errno == EAGAIN { continue }
          return errno
        }
        total += count
      }
      return nil
    }
    if let failure { return .failure(.unreadable(path: path, reason: reason(failure))) }
    data.count = total  // the file shrank while it was read
    return attach(data, name: name ?? lastComponent(path), path: path)
  }

  /// The attachment for bytes that came from elsewhere (standard input), by the same rules.
  public static func attach(_ data: Data, name: String, path: String) -> Result<
    AttachmentFile, AttachmentProblem
  > {
    guard !data.isEmpty else { return .failure(.empty(path: path)) }
    guard let file = AttachmentSniffer.attachment(name: name, data: data) else {
      return .failure(.unknownKind(path: path))
    }
    return .success(file)
  }

  /// The limit a file of `size` bytes would pass, if any.
  public static func check(size: Int, path: String, limits: AttachmentLimits, attachedBytes: Int)
    -> AttachmentProblem?
  {
    limits.problem(size: size, path: path, attachedBytes: attachedBytes)
  }

  static func lastComponent(_ path: String) -> String {
    let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
    return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}
