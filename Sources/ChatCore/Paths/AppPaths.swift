import ChatDomain
import Foundation

/// Where orchat keeps its files, by the XDG base directory rules.
///
/// - `config`: `$XDG_CONFIG_HOME/orchat` (default `~/.config/orchat`): `config.toml`, `agents/`.
/// - `data`: `$XDG_DATA_HOME/orchat` (default `~/.local/share/orchat`): the session database.
/// - `cache`: `$XDG_CACHE_HOME/orchat` (default `~/.cache/orchat`): the model catalog cache.
///
/// `ORCHAT_CONFIG_DIR`, `ORCHAT_DATA_DIR` and `ORCHAT_CACHE_DIR` name a directory outright
/// (tests and portable setups). Relative XDG values are ignored, as the specification says.
public struct AppPaths: Sendable, Hashable {
  public var config: URL
  public var data: URL
  public var cache: URL

  public init(config: URL, data: URL, cache: URL) {
    self.config = config
    self.data = data
    self.cache = cache
  }

  /// The paths an environment names.
  /// - Parameter environment: Variables such as `HOME` and `XDG_DATA_HOME`.
  public init(environment: [String: String]) {
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    func directory(override: String, xdg: String, fallback: String) -> URL {
      if let path = environment[override], !path.isEmpty {
        return URL(fileURLWithPath: path, isDirectory: true)
      }
      if let base = environment[xdg], base.hasPrefix("/") {
        return URL(fileURLWithPath: base, isDirectory: true).appendingPathComponent("orchat")
      }
      return URL(fileURLWithPath: home, isDirectory: true)
        .appendingPathComponent(fallback).appendingPathComponent("orchat")
    }
    config = directory(override: "ORCHAT_CONFIG_DIR", xdg: "XDG_CONFIG_HOME", fallback: ".config")
    data = directory(override: "ORCHAT_DATA_DIR", xdg: "XDG_DATA_HOME", fallback: ".local/share")
    cache = directory(override: "ORCHAT_CACHE_DIR", xdg: "XDG_CACHE_HOME", fallback: ".cache")
  }

  public var configFile: URL { config.appendingPathComponent("config.toml") }
  public var agentsDirectory: URL { config.appendingPathComponent("agents") }
  public var database: URL { data.appendingPathComponent("orchat.sqlite") }
  /// Lock files of the processes that are streaming replies (see `WriterLease`).
  public var leasesDirectory: URL { data.appendingPathComponent("leases") }
  public var modelCache: URL { cache.appendingPathComponent("models.json") }

  /// Creates `directory` (and missing parents) readable by the owner only (0700).
  ///
  /// An existing directory is left as it is: its mode is the user's choice.
  /// - Throws: `ChatError` of kind `storage` naming the directory and the reason.
  public static func ensureDirectory(_ directory: URL) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw ChatError.storage("\(directory.path) is a file, not a directory")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw ChatError.storage(
        "cannot create the directory \(directory.path): \(FileProblem.reason(error))")
    }
  }
}
