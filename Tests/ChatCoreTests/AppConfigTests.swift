import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCore

@Suite struct AppConfigTests {
  let home: TemporaryDirectory

  init() throws {
    home = try TemporaryDirectory()
  }

  @Test func missingFileGivesTheDefaults() throws {
    #expect(AppConfig().isMouseEnabled)
    let config = try AppConfig.load(from: home.appending("config.toml"))
    #expect(config == AppConfig())
    #expect(config.defaultAgent == "assistant")
  }

  @Test func readsEveryKey() throws {
    let file = try home.write(
      """
      default_agent = "coder"
      theme = "dark"
      mouse = false

      [api]
      base_url = "http://127.0.0.1:9/api/v1"
      app_title = "My chat"
      app_url = "https://example.org"
      connect_timeout = 3
      idle_timeout = 42.5
      request_timeout = 90

      [retry]
      max_retries = 4
      max_total_wait = 30

      [keys]
      submit = "ctrl+s"
      quit = ["ctrl+q", "f10"]
      editor = "ctrl+x ctrl+e"
      """, to: "config.toml")
    let config = try AppConfig.load(from: file)
    #expect(config.defaultAgent == "coder")
    #expect(config.theme == "dark")
    #expect(config.apiKey == nil)
    #expect(config.api.baseURL == "http://127.0.0.1:9/api/v1")
    #expect(config.api.appTitle == "My chat")
    #expect(config.api.appURL == "https://example.org")
    #expect(config.api.connectTimeout == .seconds(3))
    #expect(config.api.idleTimeout == .milliseconds(42_500))
    #expect(config.api.requestTimeout == .seconds(90))
    #expect(config.retry.maxRetries == 4)
    #expect(config.retry.maxTotalWait == .seconds(30))
    #expect(config.isMouseEnabled == false)
    #expect(
      config.keyBindings == [
        "submit": ["ctrl+s"], "quit": ["ctrl+q", "f10"], "editor": ["ctrl+x ctrl+e"],
      ])
  }

  @Test func apiKeyOfAPrivateFileIsAccepted() throws {
    let file = try home.write("api_key = \"sk-or-v1-private\"\n", to: "config.toml", mode: 0o600)
    #expect(try AppConfig.load(from: file).apiKey == "sk-or-v1-private")
  }

  @Test func apiKeyOfAFileOthersCanReadIsRefusedWithAFix() throws {
    let file = try home.write(
      "theme = \"dark\"\napi_key = \"sk-or-v1-exposed\"\n", to: "config.toml", mode: 0o644)
    let error = try #require(throws: ChatError.self) { try AppConfig.load(from: file) }
    #expect(error.kind == .configuration)
    #expect(error.line == 2)
    #expect(error.key == "api_key")
    #expect(error.userMessage.hasPrefix("\(file.path):2: api_key: refused"))
    #expect(error.userMessage.contains("chmod 600"))
    #expect(!error.userMessage.contains("sk-or-v1-exposed"))
  }

  @Test func unknownKeyIsReportedWithItsLine() throws {
    let file = try home.write(
      "theme = \"dark\"\n\n[retry]\nmax_retrys = 3\n", to: "config.toml")
    let error = try #require(throws: ChatError.self) { try AppConfig.load(from: file) }
    #expect(error.line == 4)
    #expect(error.key == "retry.max_retrys")
    #expect(error.message.hasPrefix("unknown key"))
  }

  @Test func wrongTypesAndRangesNameTheKey() throws {
    let cases: [(String, String, Int, String)] = [
      ("[api]\nidle_timeout = \"soon\"\n", "api.idle_timeout", 2, "must be a number, not a string"),
      ("[retry]\nmax_retries = 99\n", "retry.max_retries", 2, "must be at most 10"),
      ("[api]\nbase_url = \"ftp://x\"\n", "api.base_url", 2, "must be an http or https URL"),
      ("[keys]\nsubmit = 3\n", "keys.submit", 2, "must be a key chord string or an array of them"),
      ("[keys]\nsubmit = \" \"\n", "keys.submit", 2, "must not be empty"),
      ("mouse = \"off\"\n", "mouse", 1, "must be true or false, not a string"),
      ("default_agent = \"no way\"\n", "default_agent", 1, "\"no way\" is not a valid agent name"),
    ]
    for (text, key, line, message) in cases {
      let file = try home.write(text, to: "config.toml")
      let error = try #require(throws: ChatError.self) { try AppConfig.load(from: file) }
      #expect(error.key == key, "\(text)")
      #expect(error.line == line, "\(text)")
      #expect(error.message == message, "\(text)")
    }
  }

  @Test func syntaxErrorNamesTheLine() throws {
    let file = try home.write("theme = \"dark\"\ndefault_agent = \n", to: "config.toml")
    let error = try #require(throws: ChatError.self) { try AppConfig.load(from: file) }
    #expect(error.kind == .configuration)
    #expect(error.line == 2)
    #expect(error.message.hasPrefix("not valid TOML"))
  }

  @Test func descriptionNeverShowsTheKey() {
    let config = AppConfig(apiKey: "sk-or-v1-secret")
    #expect(!String(describing: config).contains("sk-or-v1-secret"))
  }

  @Test func aSymlinkIsJudgedByItsTarget() throws {
    let privateTarget = try home.write(
      "api_key = \"sk-or-v1-private\"\n", to: "real/private.toml", mode: 0o600)
    let link = home.appending("config.toml")
    try FileManager.default.createSymbolicLink(
      atPath: link.path, withDestinationPath: privateTarget.path)
    #expect(try AppConfig.load(from: link).apiKey == "sk-or-v1-private")

    let exposedTarget = try home.write(
      "api_key = \"sk-or-v1-exposed\"\n", to: "real/exposed.toml", mode: 0o644)
    let exposedLink = home.appending("exposed-link.toml")
    try FileManager.default.createSymbolicLink(
      atPath: exposedLink.path, withDestinationPath: exposedTarget.path)
    let error = try #require(throws: ChatError.self) { try AppConfig.load(from: exposedLink) }
    #expect(error.key == "api_key")
    #expect(error.message.contains("(mode 644)"))
  }

  @Test func aKeyIsRefusedWhenTheFilesModeCannotBeRead() throws {
    let error = try #require(throws: ChatError.self) {
      try AppConfig.parse("api_key = \"sk-or-v1-unknown\"\n", file: "config.toml", permissions: nil)
    }
    #expect(error.kind == .configuration)
    #expect(error.key == "api_key")
    #expect(error.message.hasPrefix("refused: the file's permissions cannot be read"))
    #expect(!error.userMessage.contains("sk-or-v1-unknown"))
    // Without a key there is nothing to protect.
    #expect(
      try AppConfig.parse("theme = \"dark\"\n", file: "config.toml", permissions: nil).theme
        == "dark")
  }

  @Test func insecureBaseURLsAreAllowedOnlyWhenSaidSo() throws {
    #expect(AppConfig().api.allowsInsecureBaseURL == false)
    let file = try home.write(
      "[api]\nbase_url = \"http://10.0.0.5/v1\"\nallow_insecure_base_url = true\n",
      to: "config.toml")
    #expect(try AppConfig.load(from: file).api.allowsInsecureBaseURL)
  }
}
