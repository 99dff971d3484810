import ChatDomain
import Foundation

/// File-system plumbing shared by the store, the catalog cache and the exporters: short
/// reasons for failures and private atomic writes (see `PrivateFile`).
public enum FileProblem {
  /// A short lower-case reason for a file-system error (`permission denied`,
  /// `no space left on device`), not Foundation's long localized sentence.
  public static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      posix.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(posix.code))).lowercased()
    }
    if nsError.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(nsError.code))).lowercased()
    }
    switch CocoaError.Code(rawValue: nsError.code) {
    case .fileWriteOutOfSpace: return "no space left on device"
    case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
    case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
    case .fileWriteVolumeReadOnly: return "read-only file system"
    default: return nsError.localizedDescription
    }
  }

  /// Writes `data` to `url` through a temporary file and a rename, so readers never see half
  /// a file, with mode 0600 whatever the umask (`PrivateFile`).
  /// - Throws: `ChatError` of kind `storage`.
  static func writeAtomically(_ data: Data, to url: URL) throws {
    do {
      try PrivateFile.write(data, to: url.path, .atomic)
    } catch {
      throw ChatError.storage("cannot write \(url.path): \(reason(error))")
    }
  }
}
