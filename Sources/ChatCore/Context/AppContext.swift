import ChatDomain
import ChatCore
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
  public func clientConfiguration(apiKey: String, config: AppConfig, baseURL: String?)
    -> OpenRouterConfiguration
  {
    var configuration = OpenRouterConfiguration(
      apiKey: apiKey,
      baseURL: baseURL ?? environment.baseURL ?? config.api.baseURL
        ?? OpenRouterConfiguration.defaultBaseURL)
    if let title = config.api.appTitle { configuration.appTitle = title }
    if let url = config.api.appURL { configuration.appURL = url }
    if let idle = config.api.idleTimeout { configuration.idleTimeout = idle }
    if let request = config.api.requestTimeout { configuration.requestTimeout = request }
    if let retries = config.retry.maxRetries { configuration.retry.maxRetries = retries }
    if let wait = config.retry.maxTotalWait { configuration.retry.maxTotalWait = wait }
    return configuration
  }

  /// A transport honouring the config's connect timeout. Shut it down when done.
  public func transport(config: AppConfig) -> HTTPClientTransport {
    HTTPClientTransport(connectTimeout: config.api.connectTimeout ?? .seconds(10))
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
