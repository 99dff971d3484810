import Foundation

/// OpenRouter's error responses (OpenRouter.docc/Errors.md), as the stub sends them.
public enum StubErrors {
  /// The JSON envelope for `status`, with the headers OpenRouter adds (`Retry-After`,
  /// `X-RateLimit-*`). `retryAfter` is the `Retry-After` value for 429 and 503.
  public static func reply(status: Int, variant: String? = nil, retryAfter: String = "0.2")
    -> StubReply
  {
    var headers: [(String, String)] = []
    let body: String
    switch (status, variant) {
    case (400, "escapes"?):
      // A message that would retitle the window, reverse the text and hide a character.
      body =
        #"{"error":{"code":400,"message":"\u001b]0;pwned\u0007bad \u202erequest\u200b","#
        + #""metadata":{"error_type":"invalid_request"}}}"#
    case (400, _):
      body =
        #"{"error":{"code":400,"message":"max_tokens must be at least 1","#
        + #""metadata":{"error_type":"invalid_request"}},"user_id":"user_2abc"}"#
    case (401, _):
      body = #"{"error":{"code":401,"message":"No auth credentials found"},"user_id":null}"#
    case (402, "afford"?):
      body =
        #"{"error":{"code":402,"message":"This request requires more credits, or fewer "#
        + #"max_tokens. You requested up to 16384 tokens, but can only afford 1021."},"#
        + #""user_id":"user_2abc"}"#
    case (402, _):
      body =
        #"{"error":{"message":"Insufficient credits. Add more using "#
        + #"https://openrouter.ai/credits","code":402,"metadata":{"provider_name":null}},"#
        + #""user_id":"user_2abc"}"#
    case (403, _):
      body =
        #"{"error":{"code":403,"message":"Input was flagged by moderation","#
        + #""metadata":{"reasons":["harassment"],"flagged_input":"you are…","#
        + #""provider_name":"OpenAI","model_slug":"openai/gpt-4o"}}}"#
    case (404, _):
      body =
        #"{"error":{"message":"No endpoints found for stub/missing.","#
        + #""error_type":"not_found","http_status":404,"availability":{"code":"no_endpoints","#
        + #""retryable":false,"requested_models":["stub/missing"]}}}"#
    case (408, _):
      body = #"{"error":{"code":408,"message":"Request timed out"}}"#
    case (413, _):
      body =
        #"{"error":{"code":413,"message":"Payload too large","#
        + #""metadata":{"error_type":"payload_too_large"}}}"#
    case (429, "upstream"?):
      headers.append(("Retry-After", retryAfter))
      body =
        #"{"error":{"code":429,"message":"Provider returned error","metadata":{"raw":"#
        + #""{\"error\":{\"message\":\"model is temporarily rate-limited upstream\"}}","#
        + #""provider_name":"ExampleProvider","error_type":"rate_limit_exceeded","#
        + #""limit_source":"upstream_provider_shared_pool"}},"user_id":"user_2abc"}"#
    case (429, _):
      let reset = String(Int((Date().timeIntervalSince1970 + 60) * 1000))
      headers += [
        ("Retry-After", retryAfter), ("X-RateLimit-Limit", "20"),
        ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset),
      ]
      body =
        #"{"error":{"code":429,"message":"Rate limit exceeded: free-models-per-min.","#
        + #""metadata":{"headers":{"X-RateLimit-Limit":"20","X-RateLimit-Remaining":"0","#
        + #""X-RateLimit-Reset":"\#(reset)"}}},"user_id":"user_2abc"}"#
    case (500, _):
      body =
        #"{"error":{"code":500,"message":"Internal Server Error","#
        + #""metadata":{"error_type":"server"}}}"#
    case (502, _):
      body =
        #"{"error":{"code":502,"message":"Provider returned error","metadata":{"#
        + #""raw":"upstream connect error","provider_name":"ExampleProvider","#
        + #""error_type":"provider_unavailable"}}}"#
    case (503, _):
      headers.append(("Retry-After", retryAfter))
      body =
        #"{"error":{"code":503,"message":"No available model provider that meets your "#
        + #"routing requirements","metadata":{"error_type":"provider_overloaded"}}}"#
    case (524, _):
      body = #"{"error":{"code":524,"message":"Request timed out. Please try again later."}}"#
    default:
      body =
        #"{"error":{"code":\#(status),"message":"Provider overloaded","#
        + #""metadata":{"error_type":"provider_overloaded"}}}"#
    }
    return .json(body, status: status, headers: headers)
  }

  /// A 502 page from an edge proxy: HTML, not JSON
  /// (OpenRouter.docc/Errors.md, Bodies that are not JSON).
  public static let html502 = StubReply(
    status: 502, headers: [("Content-Type", "text/html; charset=UTF-8"), ("Server", "cloudflare")],
    steps: [
      .bytes(
        Array(
          """
          <!DOCTYPE html>
          <html><head><title>502 Bad Gateway</title></head>
          <body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body>
          </html>
          """.utf8))
    ])
}
