import Foundation

/// A fresh directory under the system's temporary directory, removed with everything in it
/// when the last reference goes away (so a test's files live as long as the test).
public final class TemporaryDirectory: Sendable {
  public let url: URL

  public init(prefix: String = "orchat-test") throws {
    url = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  public var path: String { url.path }

  public func appending(_ component: String) -> URL {
    url.appendingPathComponent(component)
  }

  /// Writes `text` to `relativePath` (creating folders), with `mode`.
  @discardableResult
  public func write(_ text: String, to relativePath: String, mode: Int = 0o644) throws -> URL {
    let file = url.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
    return file
  }

  /// Every regular file below the directory, recursively.
  public func allFiles() -> [URL] {
    let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let next = enumerator?.nextObject() as? URL {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: next.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files.append(next)
      }
    }
    return files
  }
}
