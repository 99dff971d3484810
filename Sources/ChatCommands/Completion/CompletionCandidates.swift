import ChatCore
import ChatDomain
import Foundation

/// The dynamic values the shell completion scripts offer: model ids, agent names, theme
/// names and session ids.
///
/// Each runs inside `orchat` when the shell asks (on Tab), so it reads only local files,
/// opens the database read-only, creates nothing, prints nothing and never fails: whatever
/// cannot be read gives no candidates. Values from disk or from a server's catalog reach the
/// shell only when they hold no whitespace or control characters.
public enum CompletionCandidates {
  /// Model ids of the cached live catalog, else the bundled one.
  public static func models(
    prefix: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    let paths = AppPaths(environment: environment)
    return filter(ModelCatalog.load(cacheURL: paths.modelCache).models.map(\.id), prefix: prefix)
  }

  /// Agent names: the built-ins and the loadable agent files.
  public static func agents(
    prefix: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    let paths = AppPaths(environment: environment)
    return filter(AgentCatalog.load(from: paths.agentsDirectory).agents.map(\.name), prefix: prefix)
  }

  /// Theme names from the themes directories and the compiled-in ones.
  public static func themes(
    prefix: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    let catalog = ThemeCatalog(searchPath: .standard(environment: environment))
    return filter(catalog.availableThemeNames(), prefix: prefix)
  }

  /// `last` and the ids of the most recently updated sessions (at most 50).
  public static func sessions(
    prefix: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    let paths = AppPaths(environment: environment)
    return filter(["last"] + SessionStore.recentSessionIDs(at: paths.database), prefix: prefix)
  }

  static func filter(_ values: [String], prefix: String) -> [String] {
    var seen = Set<String>()
    return values.filter { value in
      value.hasPrefix(prefix) && value.count <= 200
        && !value.unicodeScalars.contains {
          $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
        }
        && seen.insert(value).inserted
    }
  }
}
