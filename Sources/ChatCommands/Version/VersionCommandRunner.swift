import BuildInfo
import ChatCore
import ChatDomain
import Foundation

/// Runs `orchat version [--json]`.
public struct VersionCommandRunner: Sendable {
  let context: AppContext

  public init(context: AppContext = AppContext()) {
    self.context = context
  }

  public func run(json: Bool) -> Int32 {
    let report = VersionReport.current()
    do {
      if json {
        context.output.write(try JSONText.encode(report))
      } else {
        context.output.write(report.text)
      }
      return 0
    } catch {
      return context.fail(error)
    }
  }
}

/// What `orchat version` reports; also the `version` object of `orchat doctor --json`.
struct VersionReport: Encodable, Sendable {
  var version: String
  var commit: String?
  var swiftVersion: String
  var sqliteVersion: String?

  static func current() -> VersionReport {
    VersionReport(
      version: BuildInfo.version, commit: BuildInfo.commit, swiftVersion: BuildInfo.swiftVersion,
      sqliteVersion: SessionStore.sqliteVersion())
  }

  var text: String {
    """
    orchat \(version)
    commit: \(commit ?? "unknown")
    swift: \(swiftVersion)
    sqlite: \(sqliteVersion ?? "unknown")

    """
  }

  enum CodingKeys: String, CodingKey {
    case version, commit
    case swiftVersion = "swift_version"
    case sqliteVersion = "sqlite_version"
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(version, forKey: .version)
    try container.encode(commit, forKey: .commit)
    try container.encode(swiftVersion, forKey: .swiftVersion)
    try container.encode(sqliteVersion, forKey: .sqliteVersion)
  }
}
