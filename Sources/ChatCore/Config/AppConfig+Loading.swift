import ChatDomain
import Foundation
import OpenRouter

extension AppConfig {
  /// Reads `config.toml` at `url`; a missing file gives the defaults.
  ///
  /// An `api_key` is accepted only when no one but the owner can read the file (mode 0600 or
  /// stricter): otherwise the whole file is refused with a message saying how to fix it,
  /// rather than silently using a key others can read. The mode is that of the file read (a
  /// symlink is judged by its target: one descriptor is both read and examined), and a mode
  /// that cannot be read refuses the key too.
  /// - Throws: `ChatError` of kind `configuration`, naming the file, line and key.
  public static func load(from url: URL) throws -> AppConfig {
    let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT { return AppConfig() }
      throw unreadable(url, POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
    }
    defer { close(descriptor) }
    var status = stat()
    let permissions = fstat(descriptor, &status) == 0 ? Int(status.st_mode & 0o7777) : nil
    let data: Data
    do {
      data = try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd() ?? Data()
    } catch {
      throw unreadable(url, error)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ChatError(.configuration, "cannot read the file: it is not UTF-8 text", file: url.path)
    }
    return try parse(text, file: url.path, permissions: permissions)
  }

  private static func unreadable(_ url: URL, _ error: any Error) -> ChatError {
    ChatError(.configuration, "cannot read the file: \(FileProblem.reason(error))", file: url.path)
  }

  /// Parses the text of a config file.
  /// - Parameter permissions: The file's mode bits, to decide whether an `api_key` is safe;
  ///   `nil` when they could not be read (then an `api_key` is refused).
  static func parse(_ text: String, file: String, permissions: Int?) throws -> AppConfig {
    let document = try TOMLDocument(text: text, file: file, kind: .configuration)
    let root = TOMLTableReader(document: document, kind: .configuration)
    try root.rejectUnknownKeys([
      "default_agent", "theme", "mouse", "hyperlinks", "api_key", "api", "retry", "keys",
      "provider", "pdf_engine", "max_attachment_mb", "max_message_attachment_mb",
    ])
    var config = AppConfig()
    if let agent = try root.string("default_agent") {
      guard Agent.isValidName(agent) else {
        throw root.error("default_agent", "\"\(agent)\" is not a valid agent name")
      }
      config.defaultAgent = agent
    }
    config.theme = try root.string("theme")
    config.isMouseEnabled = try root.boolean("mouse") ?? true
    config.hyperlinks = try root.boolean("hyperlinks")
    config.pdfEngine = try root.choice("pdf_engine", in: Agent.pdfEngines)
    config.attachmentLimits = try parseAttachmentLimits(root)
    if let key = try root.string("api_key") {
      guard let permissions else {
        throw root.error(
          "api_key",
          "refused: the file's permissions cannot be read, so others may be able to read "
            + "the key; set OPENROUTER_API_KEY instead")
      }
      guard permissions & 0o077 == 0 else {
        throw root.error(
          "api_key",
          "refused: the file is readable by others "
            + "(mode \(String(permissions & 0o777, radix: 8))); "
            + "run chmod 600 \(file), or set OPENROUTER_API_KEY instead")
      }
      let trimmed = key.trimmingCharacters(in: .whitespacesAndNewlines)
      guard OpenRouterConfiguration.isWellFormedKey(trimmed) else {
        throw root.error(
          "api_key", "contains a control character or space; set it again without them")
      }
      config.apiKey = trimmed
    }
    if let api = try root.table("api") { config.api = try parseAPI(api) }
    if let retry = try root.table("retry") { config.retry = try parseRetry(retry) }
    if let keys = try root.table("keys") { config.keyBindings = try parseKeys(keys) }
    if let provider = try root.table("provider") {
      let routing = try Agent.ProviderRouting.parse(provider)
      config.provider = routing.isEmpty ? nil : routing
    }
    return config
  }

  /// `max_attachment_mb` is the limit per file (default 20); `max_message_attachment_mb`
  /// the limit per message (default 50, and never below the limit per file). Megabytes are
  /// 10⁶ bytes.
  private static func parseAttachmentLimits(_ root: TOMLTableReader) throws -> AttachmentLimits {
    let megabyte = 1_000_000.0
    let file = try root.number("max_attachment_mb", in: 0.001...1000)
    let message = try root.number("max_message_attachment_mb", in: 0.001...2000)
    let fileBytes = file.map { Int($0 * megabyte) } ?? AttachmentLimits.defaultFileBytes
    let messageBytes = message.map { Int($0 * megabyte) } ?? AttachmentLimits.defaultMessageBytes
    return AttachmentLimits(fileBytes: fileBytes, messageBytes: messageBytes)
  }

  private static func parseAPI(_ table: TOMLTableReader) throws -> API {
    try table.rejectUnknownKeys([
      "base_url", "allow_insecure_base_url", "app_title", "app_url", "connect_timeout",
      "idle_timeout", "request_timeout",
    ])
    var api = API()
    if let url = try table.string("base_url") {
      guard let components = URLComponents(string: url),
        ["http", "https"].contains(components.scheme),
        components.host?.isEmpty == false
      else { throw table.error("base_url", "must be an http or https URL") }
      api.baseURL = url
    }
    api.allowsInsecureBaseURL = try table.boolean("allow_insecure_base_url") ?? false
    api.appTitle = try table.string("app_title")
    api.appURL = try table.string("app_url")
    let seconds: ClosedRange<Double> = 0.1...86_400
    api.connectTimeout = try table.number("connect_timeout", in: seconds).map(Duration.seconds)
    api.idleTimeout = try table.number("idle_timeout", in: seconds).map(Duration.seconds)
    api.requestTimeout = try table.number("request_timeout", in: seconds).map(Duration.seconds)
    return api
  }

  private static func parseRetry(_ table: TOMLTableReader) throws -> Retry {
    try table.rejectUnknownKeys(["max_retries", "max_total_wait"])
    var retry = Retry()
    if let count = try table.integer("max_retries", atLeast: 0) {
      guard count <= 10 else { throw table.error("max_retries", "must be at most 10") }
      retry.maxRetries = count
    }
    retry.maxTotalWait = try table.number("max_total_wait", in: 0...3600).map(Duration.seconds)
    return retry
  }

  /// `[keys]`: action names to one chord or a list of chords.
  private static func parseKeys(_ table: TOMLTableReader) throws -> [String: [String]] {
    var bindings: [String: [String]] = [:]
    for (action, node) in table.values {
      guard Identifier.isValid(action) else {
        throw table.error(action, "is not a valid action name (letters, digits, - _ .)")
      }
      let chords: [String]
      switch node {
      case .string: chords = [try table.string(action) ?? ""]
      case .array: chords = try table.strings(action) ?? []
      default: throw table.error(action, "must be a key chord string or an array of them")
      }
      // A space separates the keys of a two-key sequence ("ctrl+x ctrl+e").
      guard !chords.isEmpty, chords.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty })
      else {
        throw table.error(action, "key chords must not be empty")
      }
      bindings[action] = chords
    }
    return bindings
  }
}
