import ChatCore
import ChatDomain
import Foundation

/// A private set of orchat directories (config, data, cache) in a temporary directory, and
/// the environment variables that point the binary at them.
public struct OrchatHome: Sendable {
  public let root: TemporaryDirectory
  public let paths: AppPaths

  public init() throws {
    root = try TemporaryDirectory(prefix: "orchat-home")
    paths = AppPaths(environment: [
      "HOME": root.path,
      "XDG_CONFIG_HOME": root.appending("config").path,
      "XDG_DATA_HOME": root.appending("data").path,
      "XDG_CACHE_HOME": root.appending("cache").path,
    ])
  }

  /// `XDG_*` and `HOME` for the binary; add the key and base URL yourself.
  public var environment: [String: String] {
    [
      "HOME": root.path,
      "XDG_CONFIG_HOME": root.appending("config").path,
      "XDG_DATA_HOME": root.appending("data").path,
      "XDG_CACHE_HOME": root.appending("cache").path,
      "TZ": "UTC",
    ]
  }

  /// `environment` plus a key and `stub`'s base URL: the binary talks to the stub.
  public func environment(stub: StubOpenRouter, key: String = "sk-or-v1-test") -> [String: String] {
    environment.merging(["OPENROUTER_API_KEY": key, "OPENROUTER_BASE_URL": stub.baseURL]) { $1 }
  }

  /// Writes `config.toml` with `mode`.
  @discardableResult
  public func writeConfig(_ text: String, mode: Int = 0o600) throws -> URL {
    try root.write(text, to: "config/orchat/config.toml", mode: mode)
  }

  /// Writes `agents/NAME.toml`.
  @discardableResult
  public func writeAgent(_ name: String, _ text: String) throws -> URL {
    try root.write(text, to: "config/orchat/agents/\(name).toml")
  }

  /// Opens the session store of this home.
  public func openStore() async throws -> SessionStore {
    try await SessionStore.open(paths: paths)
  }
}
