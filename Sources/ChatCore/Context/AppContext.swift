import BuildInfo
import ChatDomain
import Foundation
import OpenRouter

/// What a command needs from its surroundings: the environment, the file locations, and
/// where to write. Built once per command; tests build one with temporary directories.
public struct AppContext: Sendable {
  public var environment: ProcessEnvironment
  public var paths: AppPaths
  public var output: any TextOutput
  public var errors: any TextOutput
  /// Whether a person can answer a question on standard input.
  public var inputIsTerminal: Bool
  /// Reads one line of standard input (`nil` at its end).
  public var readLine: @Sendable () -> String?

  public init(
    environment: ProcessEnvironment = ProcessEnvironment(),
    output: any TextOutput = FileDescriptorOutput.standardOutput,
    errors: any TextOutput = FileDescriptorOutput.standardError,
    inputIsTerminal: Bool = isatty(STDIN_FILENO) == 1,
    readLine: @escaping @Sendable () -> String? = { Swift.readLine() }
  ) {
    self.environment = environment
    self.paths = AppPaths(environment: environment.values)
    self.output = output
    self.errors = errors
    self.inputIsTerminal = inputIsTerminal
    self.readLine = readLine
  }

  /// `config.toml`, or its defaults when there is none.
  public func loadConfig() throws -> AppConfig {
    try AppConfig.load(from: paths.configFile)
  }

  public func loadAgents() -> AgentCatalog {
    AgentCatalog.load(from: paths.agentsDirectory)
  }

  /// The agents as messages are sent with them: `config`'s provider routing under each
  /// agent's own.
  public func loadAgents(config: AppConfig) -> AgentCatalog {
    loadAgents().applyingProviderDefaults(config.provider)
  }

  /// Opens the session store (which recovers replies a dead process left streaming).
  public func openStore() async throws -> SessionStore {
    try await SessionStore.open(paths: paths)
  }

  /// The key: `OPENROUTER_API_KEY` first, then `api_key` of a private `config.toml`
  /// (which `AppConfig` already checked).
  /// - Throws: `ChatError` (`configuration`) when the variable holds a control character or
  ///   a space, which no HTTP header can carry; the message never prints the key.
  public func apiKey(config: AppConfig) throws -> String? {
    if let key = environment.apiKey {
      guard OpenRouterConfiguration.isWellFormedKey(key) else {
        throw ChatError(.configuration, ProcessEnvironment.malformedKeyMessage)
      }
      return key
    }
    return config.apiKey.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The client settings: the base URL from the flag, `OPENROUTER_BASE_URL`, the config, or
  /// OpenRouter; timeouts, retries and app identity from the config.
  /// - Throws: `ChatError` of kind `configuration` when the base URL would send the key
  ///   unencrypted (see `checkedBaseURL`).
  public func clientConfiguration(apiKey: String, config: AppConfig, baseURL: String?) throws
    -> OpenRouterConfiguration
  {
    var configuration = OpenRouterConfiguration(
      apiKey: apiKey, baseURL: try checkedBaseURL(config: config, override: baseURL),
      userAgent: "orchat/\(BuildInfo.version)")
    if let title = config.api.appTitle { configuration.appTitle = title }
    if let url = config.api.appURL { configuration.appURL = url }
    if let idle = config.api.idleTimeout { configuration.idleTimeout = idle }
    if let request = config.api.requestTimeout { configuration.requestTimeout = request }
    if let retries = config.retry.maxRetries { configuration.retry.maxRetries = retries }
    if let wait = config.retry.maxTotalWait { configuration.retry.maxTotalWait = wait }
    return configuration
  }

  /// The API base URL: the flag, `OPENROUTER_BASE_URL`, the config, or OpenRouter's.
  public func baseURL(flag: String?, config: AppConfig?) -> String {
    flag ?? environment.baseURL ?? config?.api.baseURL ?? OpenRouterConfiguration.defaultBaseURL
  }

  /// The base URL requests go to: `override` (`--base-url`), else `OPENROUTER_BASE_URL`,
  /// else `base_url` of the config, else OpenRouter's.
  ///
  /// Every request carries the key, so plain `http://` is refused unless the host is this
  /// machine (`localhost`, `127.0.0.0/8`, `::1`: local servers and tests) or the config says
  /// `allow_insecure_base_url = true`.
  /// - Throws: `ChatError` of kind `configuration`, naming where the URL came from.
  public func checkedBaseURL(config: AppConfig, override: String?) throws -> String {
    let (url, origin): (String, String) =
      if let override { (override, "--base-url") } else if let url = environment.baseURL {
        (url, "OPENROUTER_BASE_URL")
      } else if let url = config.api.baseURL { (url, "base_url in \(paths.configFile.path)") } else
      { (OpenRouterConfiguration.defaultBaseURL, "the default") }
    // Fails closed: plain http whose host cannot be read counts as another machine. The
    // host as written (`encodedHost`): decoding an international name would load ICU's
    // IDNA tables (over a megabyte of memory), and no such name is this machine.
    guard !config.api.allowsInsecureBaseURL, url.lowercased().hasPrefix("http:"),
      !Self.isLoopback(host: URLComponents(string: url)?.encodedHost)
    else { return url }
    throw ChatError(
      .configuration,
      "refusing the base URL \(url) (from \(origin)): over http:// the API key would travel "
        + "unencrypted; use https://, or set allow_insecure_base_url = true under [api] in "
        + "\(paths.configFile.path)")
  }

  /// Whether `host` is this machine.
  static func isLoopback(host: String?) -> Bool {
    guard var host = host?.lowercased(), !host.isEmpty else { return false }
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    if host == "localhost" || host == "::1" { return true }
    let octets = host.split(separator: ".", omittingEmptySubsequences: false)
    return octets.count == 4 && octets[0] == "127"
      && octets.allSatisfy { UInt8($0) != nil }
  }

  /// A transport honouring the config's connect timeout. Shut it down when done.
  /// - Parameter retriesFailedConnections: `false` to fail at the first refused connection
  ///   (see `HTTPClientTransport`).
  public func transport(config: AppConfig, retriesFailedConnections: Bool = true)
    -> HTTPClientTransport
  {
    HTTPClientTransport(
      connectTimeout: config.api.connectTimeout ?? .seconds(10),
      retriesFailedConnections: retriesFailedConnections)
  }

  /// Writes `error: <message>` on standard error and returns exit status 1.
  @discardableResult
  public func fail(_ error: any Error) -> Int32 {
    errors.write("error: \(Self.message(for: error))\n")
    return 1
  }

  /// The one line a user sees for `error`.
  public static func message(for error: any Error) -> String {
    ChatError(error).userMessage
  }
}
