import ChatDomain
import Foundation

/// Writing files that hold conversation text (exports, the `$EDITOR` draft) or other
/// private state (the catalog cache): mode 0600 whatever the umask, and whatever mode a file
/// already there had.
public enum PrivateFile {
  /// How a write replaces what is at the path.
  public enum Replacement: Sendable {
    /// Writes into the file at the path (created when missing, truncated otherwise), so a
    /// symlink, a hard link or a device such as `/dev/stdout` is written through. A regular
    /// file is made 0600.
    case inPlace
    /// Writes a new 0600 file beside it and renames it over the path, so readers never see
    /// half a file.
    case atomic
    /// Creates the file, which must not exist yet (`O_EXCL`: never follows a symlink left
    /// in a shared directory such as /tmp).
    case newFile
  }

  /// Writes `data` to `path`.
  /// - Throws: `POSIXError` with the failing call's error.
  public static func write(_ data: Data, to path: String, _ replacement: Replacement) throws {
    switch replacement {
    case .inPlace:
      try write(data, creating: path, flags: O_TRUNC)
    case .newFile:
      try write(data, creating: path, flags: O_EXCL)
    case .atomic:
      let url = URL(fileURLWithPath: path)
      let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
      do {
        try write(data, creating: temporary, flags: O_EXCL)
        guard rename(temporary, path) == 0 else { throw Self.lastError() }
      } catch {
        unlink(temporary)
        throw error
      }
    }
  }

  private static func write(_ data: Data, creating path: String, flags: Int32) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0o600)
    guard descriptor >= 0 else { throw lastError() }
    defer { close(descriptor) }
    // The umask can only take bits away from 0600, and an existing file keeps its mode:
    // set it. Devices and pipes (`/dev/stdout`) are left as they are.
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw lastError() }
    let isRegularFile = status.st_mode & 0o170_000 == 0o100_000
    if isRegularFile, status.st_mode & 0o7777 != 0o600 {
      guard fchmod(descriptor, 0o600) == 0 else { throw lastError() }
    }
    switch DescriptorWriter.writeAll([UInt8](data), to: descriptor) {
    case .written: return
    case .closed: throw POSIXError(.EPIPE)
    case .timedOut: throw POSIXError(.ETIMEDOUT)
    case .failed(let code): throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
  }

  private static func lastError() -> POSIXError {
    POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
  }
}
