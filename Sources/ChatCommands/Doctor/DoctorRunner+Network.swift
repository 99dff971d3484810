import ChatCore
import ChatDomain
import Formatting
import Foundation
import OpenRouter

extension DoctorRunner {
  /// The endpoint and key lines: `GET /models` (is the base URL reachable, over verified
  /// TLS, and does it list models?) and `GET /key` (is the key accepted, and what credit
  /// and rate limit does it have?). No retries, so a dead host fails at once.
  func networkChecks(baseURL: String, key: String?, config: AppConfig) async -> [DoctorCheck] {
    guard let components = URLComponents(string: baseURL),
      let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
      let host = components.host, !host.isEmpty
    else {
      return [
        DoctorCheck(
          "endpoint", .fail,
          "\"\(OpenRouterError.oneLine(baseURL, limit: 120))\" is not an http(s) URL",
          advice: "fix --base-url, OPENROUTER_BASE_URL or base_url in config.toml"),
        DoctorCheck("key_accepted", .info, "not checked (no endpoint)"),
      ]
    }
    var configuration: OpenRouterConfiguration
    do {
      configuration = try context.clientConfiguration(
        apiKey: key ?? "", config: config, baseURL: baseURL)
    } catch {
      return [
        DoctorCheck(
          "endpoint", .fail, AppContext.message(for: error),
          advice: "use https://, or set allow_insecure_base_url = true under [api] in config.toml"),
        DoctorCheck("key_accepted", .info, "not checked (the endpoint is refused)"),
      ]
    }
    configuration.retry.maxRetries = 0
    configuration.requestTimeout = .seconds(20)
    let transport = context.transport(config: config, retriesFailedConnections: false)
    let client = OpenRouterClient(configuration: configuration, transport: transport)
    let endpoint = await endpointCheck(client, baseURL: baseURL, scheme: scheme)
    var checks = [endpoint.check]
    if key == nil {
      checks.append(DoctorCheck("key_accepted", .info, "not checked (no key)"))
    } else if !endpoint.reachable {
      checks.append(
        DoctorCheck("key_accepted", .info, "not checked (the endpoint cannot be reached)"))
    } else {
      checks.append(await keyCheck(client, baseURL: baseURL))
    }
    await transport.shutdown()
    return checks
  }

  private func endpointCheck(_ client: OpenRouterClient, baseURL: String, scheme: String) async
    -> (check: DoctorCheck, reachable: Bool)
  {
    let start = ContinuousClock.now
    var result: Result<[ModelInfo], OpenRouterError>
    do {
      result = .success(try await client.models())
    } catch let error as OpenRouterError {
      result = .failure(error)
    } catch {
      result = .failure(OpenRouterError(category: .network, message: String(describing: error)))
    }
    let elapsed = Format.duration(milliseconds: (ContinuousClock.now - start).wholeMilliseconds)
    let transport: String
    var insecure = false
    if scheme == "https" {
      transport = "TLS certificate verified"
    } else if Endpoint.isLoopback(baseURL) {
      transport = "plain HTTP on this machine"
    } else {
      transport = "plain HTTP: the key crosses the network unencrypted"
      insecure = true
    }
    let base = OpenRouterError.oneLine(baseURL, limit: 200)
    switch result {
    case .success(let models):
      let summary = "\(base) answered in \(elapsed), \(transport); lists \(models.count) models"
      if insecure {
        return (
          DoctorCheck("endpoint", .warn, summary, advice: "use an https:// base URL"), true
        )
      }
      return (DoctorCheck("endpoint", .pass, summary), true)
    case .failure(let error) where error.status != nil:
      let status = error.status ?? 0
      let summary = "\(base) answered in \(elapsed), \(transport); GET /models gave HTTP \(status)"
      switch status {
      case 401, 403:
        return (DoctorCheck("endpoint", .pass, summary + " (the key is checked next)"), true)
      case 404:
        return (
          DoctorCheck(
            "endpoint", .warn, summary,
            advice: "is the base URL right? OpenAI-compatible servers usually end in /v1"), true
        )
      default:
        return (
          DoctorCheck(
            "endpoint", .warn, summary, advice: "the server has a problem; try again later"),
          true
        )
      }
    case .failure(let error):
      switch error.category {
      case .decoding:
        return (
          DoctorCheck(
            "endpoint", .warn,
            "\(base) answered in \(elapsed), \(transport); but /models is not a model list",
            advice: "is the base URL an OpenAI-compatible API (…/v1)?"), true
        )
      case .timeout:
        return (
          DoctorCheck(
            "endpoint", .fail, "\(base) did not answer within \(elapsed)",
            advice: "check the base URL and your network"), false
        )
      default:
        let reason = OpenRouterError.oneLine(error.message, limit: 200)
        let lowered = reason.lowercased()
        let isTLS = ["certificate", "handshake", "tls", "ssl"].contains { lowered.contains($0) }
        return (
          DoctorCheck(
            "endpoint", .fail,
            isTLS ? "TLS with \(base) failed: \(reason)" : "cannot reach \(base): \(reason)",
            advice: isTLS
              ? "the server's certificate is not trusted here; check the URL and the system's CA certificates"
              : "check the base URL (--base-url, OPENROUTER_BASE_URL, base_url in config.toml) "
                + "and your network"), false
        )
      }
    }
  }

  private func keyCheck(_ client: OpenRouterClient, baseURL: String) async -> DoctorCheck {
    do {
      let info = try await client.keyInfo()
      var parts: [String] = []
      if let limit = info.limit {
        let left = info.limitRemaining.map { Format.cost($0) } ?? "?"
        let reset =
          info.limitReset.map { ", resets \(OpenRouterError.oneLine($0, limit: 20))" } ?? ""
        parts.append("\(left) of \(Format.cost(limit)) left\(reset)")
      } else {
        parts.append("no credit limit on the key")
      }
      if let usage = info.usage { parts.append("\(Format.cost(usage)) used") }
      if let rate = info.rateLimit, let requests = rate.requests {
        let interval = rate.interval.map { OpenRouterError.oneLine($0, limit: 20) } ?? "?"
        parts.append("rate limit \(requests) requests per \(interval)")
      }
      if info.isFreeTier == true { parts.append("free tier") }
      let summary = "accepted; " + parts.joined(separator: ", ")
      if let remaining = info.limitRemaining, remaining <= 0 {
        return DoctorCheck(
          "key_accepted", .fail, summary,
          advice:
            "no credit left: add credits at https://openrouter.ai/credits or raise the key's limit")
      }
      return DoctorCheck("key_accepted", .pass, summary)
    } catch let error as OpenRouterError {
      switch error.status {
      case 401, 403:
        return DoctorCheck(
          "key_accepted", .fail, "rejected (HTTP \(error.status ?? 0))",
          advice: "create a key at https://openrouter.ai/keys and set OPENROUTER_API_KEY to it")
      case 402:
        return DoctorCheck(
          "key_accepted", .fail, "out of credits (HTTP 402)",
          advice: "add credits at https://openrouter.ai/credits")
      case 404, 405:
        return DoctorCheck(
          "key_accepted", .info,
          "\(Endpoint.isOpenRouter(baseURL) ? "OpenRouter" : "this endpoint") has no /key, "
            + "so credits and limits are unknown (normal for a local OpenAI-compatible server)")
      default:
        return DoctorCheck(
          "key_accepted", .warn, "not confirmed: \(error.userMessage)",
          advice: "try again in a moment")
      }
    } catch {
      return DoctorCheck(
        "key_accepted", .warn, "not confirmed: \(AppContext.message(for: error))",
        advice: "try again in a moment")
    }
  }
}
