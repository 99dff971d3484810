// libFuzzer entry for whole bodies: non-streaming replies, error bodies (of any status) and
// the JSON of the GET endpoints.
//
// Build and run with Tests/Fuzz/run-fuzz.sh. Besides "no crash", every input checks that
// every failure is a typed OpenRouterError and that its user message stays one line
// without control characters, and never prints a key.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let body = Array(UnsafeBufferPointer(start: data, count: size))

  for status in [400, 401, 402, 403, 404, 408, 429, 451, 500, 502, 503, 524] {
    let error = OpenRouterError.fromHTTP(status: status, headers: [], body: body)
    check(error)
    _ = RetryPolicy().delay(beforeRetry: 1, after: error, waitedSoFar: .zero, random: 0.5)
  }

  do {
    let completion = try ResponseBody.completion(status: 200, headers: [], body: body)
    let events = ResponseBody.events(from: completion, retries: [])
    guard case .finished? = events.last else { fatalError("a completion must end with .finished") }
  } catch let error as OpenRouterError {
    check(error)
  } catch {
    fatalError("a completion failed with something other than OpenRouterError: \(error)")
  }

  decode(ModelList.self, path: "/models", body)
  decode(DataEnvelope<KeyInfo>.self, path: "/key", body)
  decode(DataEnvelope<GenerationStats>.self, path: "/generation", body)
  return 0
}

func decode<T: Decodable>(_ type: T.Type, path: String, _ body: [UInt8]) {
  do {
    _ = try ResponseBody.decode(type, path: path, status: 200, headers: [], body: body)
  } catch let error as OpenRouterError {
    check(error)
  } catch {
    fatalError("\(path) failed with something other than OpenRouterError: \(error)")
  }
}

/// The promises of an error's one line.
func check(_ error: OpenRouterError) {
  let line = error.userMessage
  _ = error.debugDescription
  _ = error.isTransient
  if line.isEmpty { fatalError("an empty user message") }
  for scalar in line.unicodeScalars
  where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
    fatalError("a control character in a user message: \(line.debugDescription)")
  }
  // A key-shaped token (not glued to a word before it) never survives.
  var rest = Substring(line)
  while let found = rest.range(of: "sk-or-v1-FUZZ") {
    if found.lowerBound == rest.startIndex || !rest[rest.index(before: found.lowerBound)].isLetter {
      fatalError("a key-shaped token in a user message: \(line)")
    }
    rest = rest[found.upperBound...]
  }
}
