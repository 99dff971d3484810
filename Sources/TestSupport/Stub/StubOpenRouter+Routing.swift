import Foundation
import OpenRouter

extension StubOpenRouter {
  /// Chooses the reply for a request.
  func route(_ request: CapturedRequest) -> StubReply {
    if let validKey, request.header("authorization") != "Bearer \(validKey)" {
      return StubErrors.reply(status: 401)
    }
    if flavor == .openAICompatible { return openAICompatibleRoute(request) }
    let path = request.path
    if path.hasSuffix("/chat/completions") {
      let queued = state.withLock { state in
        state.queue.isEmpty ? nil : state.queue.removeFirst()
      }
      if let queued { return queued(request) }
      return StubScenario.reply(for: request)
    }
    if path.hasSuffix("/models") {
      return .json(catalogJSON, headers: [("Cache-Control", "public, max-age=300")])
    }
    if path.hasSuffix("/generation") {
      return generationReply(request)
    }
    if path.hasSuffix("/key") {
      return .json(Self.keyJSON)
    }
    return .json(
      #"{"error":{"code":404,"message":"Not Found"}}"#, status: 404)
  }

  /// `404` on the first look-up of an id, the stats afterwards
  /// (OpenRouter.docc/Generation.md, Readiness).
  private func generationReply(_ request: CapturedRequest) -> StubReply {
    let id =
      request.query?.split(separator: "&")
      .first { $0.hasPrefix("id=") }.map { String($0.dropFirst(3)) } ?? ""
    let lookups = state.withLock { state in
      state.generationLookups[id, default: 0] += 1
      return state.generationLookups[id] ?? 1
    }
    if lookups == 1 {
      return .json(
        #"{"error":{"code":404,"message":"Generation not found"}}"#, status: 404)
    }
    return .json(
      #"{"data":{"id":"\#(id)","model":"openai/gpt-4.1-mini","provider_name":"OpenAI","#
        + #""created_at":"2026-11-25T10:00:00Z","streamed":true,"cancelled":false,"#
        + #""finish_reason":"stop","native_finish_reason":"stop","tokens_prompt":9,"#
        + #""tokens_completion":4,"native_tokens_prompt":9,"native_tokens_completion":4,"#
        + #""native_tokens_reasoning":0,"native_tokens_cached":0,"total_cost":0.00001,"#
        + #""latency":412,"generation_time":380,"upstream_inference_cost":null}}"#)
  }

  static let keyJSON =
    #"{"data":{"label":"sk-or-v1-au7...890","limit":100,"limit_remaining":74.5,"#
    + #""limit_reset":"monthly","include_byok_in_limit":false,"usage":25.5,"usage_daily":25.5,"#
    + #""usage_weekly":25.5,"usage_monthly":25.5,"byok_usage":0,"is_free_tier":false,"#
    + #""is_management_key":false,"expires_at":"2027-12-31T23:59:59Z","#
    + #""rate_limit":{"requests":1000,"interval":"1h","note":"deprecated"}}}"#
}
