import Foundation

/// Locations in this package's checkout, found from this file's own path so tests work from
/// any working directory.
public enum PackagePaths {
  /// The package root (the directory holding Package.swift).
  public static let root: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  /// The `orchat` binary under test: `$E2E_BIN` when set, else `.build/debug/orchat`.
  public static var orchatBinary: String {
    if let override = ProcessInfo.processInfo.environment["E2E_BIN"], !override.isEmpty {
      return override
    }
    return root + "/.build/debug/orchat"
  }
}
