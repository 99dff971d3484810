import ChatCore
import ChatDomain
import Formatting
import Foundation
import OpenRouter

/// Runs `orchat doctor [--json] [--base-url URL]`: one line per check, `✓` pass, `!` warn,
/// `✗` fail, `·` info, each failing or warning line saying what to do.
///
/// Exit status 1 when any check fails, else 0: warnings (an old catalog, a terminal that will
/// not copy) and facts without a verdict (not run from a terminal, an endpoint without
/// `/key`) do not fail the run.
///
/// Nothing is written: the database is opened read-only and only when it exists, and the
/// catalog is read, not refreshed. The network checks make two GET requests (`/models`,
/// `/key`) with no retries. The key is never printed, not even in part (OpenRouter's key
/// `label` is a masked key, so it is left out too).
public struct DoctorRunner: Sendable {
  let context: AppContext
  let now: @Sendable () -> Date
  /// The terminal facts; tests give fixed ones.
  let terminalFacts: @Sendable (_ mouseDisabledByConfig: Bool) -> TerminalFacts

  public init(context: AppContext = AppContext()) {
    let environment = context.environment.values
    self.init(
      context: context, now: { Date() },
      terminalFacts: { TerminalFacts.current(environment: environment, mouseDisabledByConfig: $0) })
  }

  init(
    context: AppContext, now: @escaping @Sendable () -> Date,
    terminalFacts: @escaping @Sendable (Bool) -> TerminalFacts
  ) {
    self.context = context
    self.now = now
    self.terminalFacts = terminalFacts
  }

  /// Catalogs older than this warn.
  static let staleCatalogAge: TimeInterval = 30 * 86_400

  public func run(json: Bool, baseURL flag: String?) async -> Int32 {
    var checks: [DoctorCheck] = []
    func report(_ new: [DoctorCheck]) {
      checks += new
      // Paths, file names and server text are in the lines: printed terminal-safe.
      if !json {
        for check in new { context.output.write(TextSanitizer.sanitize(check.line) + "\n") }
      }
    }
    let (config, configCheck) = loadConfig()
    report([configCheck])
    let key: String?
    do {
      key = try context.apiKey(config: config)
      report([keyCheck(key, config: config)])
    } catch {
      // A malformed key (a control character, a space): said without printing it.
      key = nil
      report([
        DoctorCheck(
          "api_key", .fail, AppContext.message(for: error),
          advice: "set the key again, without spaces or control characters")
      ])
    }
    let baseURL = context.baseURL(flag: flag, config: config)
    report(await networkChecks(baseURL: baseURL, key: key, config: config))
    report(TerminalChecks.evaluate(terminalFacts(!config.isMouseEnabled)))
    report(agentChecks(config: config))
    report(themeChecks(config: config))
    report([databaseCheck(), catalogCheck(baseURL: baseURL)])

    let failed = checks.filter { $0.status == .fail }.count
    if json {
      let document = DoctorReport(
        ok: failed == 0, version: VersionReport.current(), baseURL: baseURL, checks: checks)
      do {
        context.output.write(try JSONText.encode(document))
      } catch {
        return context.fail(error)
      }
    } else {
      let warned = checks.filter { $0.status == .warn }.count
      context.output.write(
        failed == 0
          ? "All checks passed\(warned > 0 ? " (\(warned) warning\(warned == 1 ? "" : "s"))" : "").\n"
          : "\(failed) check\(failed == 1 ? "" : "s") failed.\n")
    }
    return failed == 0 ? 0 : 1
  }

  // MARK: - Files

  private func loadConfig() -> (AppConfig, DoctorCheck) {
    let file = context.paths.configFile
    guard FileManager.default.fileExists(atPath: file.path) else {
      return (AppConfig(), DoctorCheck("config", .pass, "no \(file.path); using the defaults"))
    }
    do {
      return (try context.loadConfig(), DoctorCheck("config", .pass, file.path))
    } catch {
      return (
        AppConfig(),
        DoctorCheck(
          "config", .fail, AppContext.message(for: error),
          advice: "fix that line, or move the file away to use the defaults")
      )
    }
  }

  private func keyCheck(_ key: String?, config: AppConfig) -> DoctorCheck {
    guard key != nil else {
      return DoctorCheck(
        "api_key", .fail, "not set",
        advice: "export OPENROUTER_API_KEY=… (create a key at https://openrouter.ai/keys; "
          + "for a local server that needs none, any value)")
    }
    let source =
      context.environment.apiKey != nil ? "OPENROUTER_API_KEY" : "api_key in config.toml"
    return DoctorCheck("api_key", .pass, "set in \(source) (not shown)")
  }

  private func agentChecks(config: AppConfig) -> [DoctorCheck] {
    let catalog = context.loadAgents()
    var checks = catalog.issues.map {
      DoctorCheck("agents", .fail, $0.userMessage, advice: "fix the file, or delete it")
    }
    let files = catalog.agents.filter { if case .file = $0.source { true } else { false } }.count
    let summary =
      "\(catalog.agents.count) (\(catalog.agents.count - files) built-in, \(files) from files)"
    if catalog.agent(named: config.defaultAgent) != nil {
      checks.append(DoctorCheck("agents", .pass, "\(summary); default \(config.defaultAgent)"))
    } else {
      checks.append(
        DoctorCheck(
          "agents", .fail,
          "\(summary); default_agent \"\(config.defaultAgent)\" is not one of them",
          advice: "set default_agent in config.toml to one of: "
            + catalog.agents.map(\.name).joined(separator: ", ")))
    }
    return checks
  }

  private func themeChecks(config: AppConfig) -> [DoctorCheck] {
    let themes = ThemeCatalog(searchPath: .standard(environment: context.environment.values))
    var checks: [DoctorCheck] = []
    let names = themes.availableThemeNames()
    for name in names {
      guard let path = themes.file(forTheme: name) else { continue }
      do {
        _ = try ThemeLoader.theme(contentsOf: path)
      } catch {
        checks.append(
          DoctorCheck("themes", .fail, error.userMessage, advice: "fix the file, or delete it"))
      }
    }
    let shipped = ThemeSearchPath.shippedDirectory(
      executablePath: ThemeSearchPath.currentExecutablePath(),
      currentDirectory: FileManager.default.currentDirectoryPath)
    let wanted = config.theme ?? ThemeCatalog.defaultThemeName
    let summary =
      "\(names.count) (\(names.joined(separator: ", "))); theme \(wanted)"
      + (shipped.map { "; shipped ones in \($0)" } ?? "")
    if !names.contains(wanted) && themes.file(forTheme: wanted) == nil {
      checks.append(
        DoctorCheck(
          "themes", .fail, "\(summary): there is no theme \"\(wanted)\"",
          advice: "set theme in config.toml to one of the names listed, or add \(wanted).toml to "
            + (ThemeSearchPath.userDirectory(environment: context.environment.values)
              ?? "your themes directory")))
    } else if shipped == nil {
      checks.append(
        DoctorCheck(
          "themes", .warn,
          summary + "; the shipped themes were not found (dark and mono are built in)",
          advice: "install with Scripts/install.sh, or set ORCHAT_THEMES_DIR"))
    } else {
      checks.append(DoctorCheck("themes", .pass, summary))
    }
    return checks
  }

  private func databaseCheck() -> DoctorCheck {
    let url = context.paths.database
    guard let health = SessionStore.inspect(at: url) else {
      return DoctorCheck("database", .pass, "none yet at \(url.path) (created on first use)")
    }
    let size = ByteCountFormatter.string(fromByteCount: health.sizeInBytes, countStyle: .file)
    let sessions = health.sessionCount.map { ", \($0) session\($0 == 1 ? "" : "s")" } ?? ""
    if let first = health.problems.first {
      let more = health.problems.count > 1 ? " (+\(health.problems.count - 1) more)" : ""
      return DoctorCheck(
        "database", .fail,
        "\(url.path) is damaged: \(OpenRouterError.oneLine(first, limit: 160))\(more)",
        advice: "quit orchat, copy the file aside, then rebuild it: "
          + "sqlite3 \(url.path) .recover | sqlite3 recovered.sqlite")
    }
    let summary = "\(url.path), \(size)\(sessions), integrity ok"
    guard health.isPrivate else {
      return DoctorCheck(
        "database", .warn, summary + ", but readable by others",
        advice: "chmod 600 \(url.path)")
    }
    return DoctorCheck("database", .pass, summary)
  }

  private func catalogCheck(baseURL: String) -> DoctorCheck {
    let catalog = ModelCatalog.load(cacheURL: context.paths.modelCache)
    if let problem = catalog.cacheProblem {
      return DoctorCheck(
        "catalog", .fail, problem.userMessage, advice: "run orchat models --refresh")
    }
    let days = Int(now().timeIntervalSince(catalog.fetchedAt) / 86_400)
    let age = days <= 0 ? "today" : "\(days) day\(days == 1 ? "" : "s") ago"
    let fetched = Format.time(catalog.fetchedAt, zone: .utc) + " UTC"
    switch catalog.origin {
    case .bundled:
      let summary =
        "\(catalog.models.count) models, the snapshot bundled with orchat (\(fetched), \(age))"
      if !Endpoint.isOpenRouter(baseURL) {
        return DoctorCheck(
          "catalog", .warn, summary + ", which lists OpenRouter's models, not \(baseURL)'s",
          advice: "run orchat models --refresh to list the endpoint's own models")
      }
      return now().timeIntervalSince(catalog.fetchedAt) > Self.staleCatalogAge
        ? DoctorCheck(
          "catalog", .warn, summary, advice: "run orchat models --refresh for the live list")
        : DoctorCheck("catalog", .pass, summary)
    case .live:
      let summary = "\(catalog.models.count) models, fetched \(fetched) (\(age))"
      if let base = Endpoint.baseURL(ofCatalogSource: catalog.source),
        Endpoint.normalized(base) != Endpoint.normalized(baseURL)
      {
        return DoctorCheck(
          "catalog", .warn, summary + " from \(base), not \(baseURL)",
          advice: "run orchat models --refresh")
      }
      return now().timeIntervalSince(catalog.fetchedAt) > Self.staleCatalogAge
        ? DoctorCheck("catalog", .warn, summary, advice: "run orchat models --refresh")
        : DoctorCheck("catalog", .pass, summary)
    }
  }
}

/// `orchat doctor --json`.
struct DoctorReport: Encodable {
  var ok: Bool
  var version: VersionReport
  var baseURL: String
  var checks: [DoctorCheck]

  enum CodingKeys: String, CodingKey {
    case ok, version, checks
    case baseURL = "base_url"
  }
}
