import Testing

@testable import Formatting

/// URLs from servers: what may be linked, printed and copied.
@Suite struct LinkSanitizerTests {
  @Test func plainWebURLsPassUnchanged() {
    for url in [
      "https://www.swift.org/blog/", "http://example.org/a?b=c&d=e#f",
      "https://en.wikipedia.org/wiki/Swift_(programming_language)", "HTTPS://EXAMPLE.ORG/%41",
    ] {
      #expect(LinkSanitizer.httpURL(url) == url)
    }
  }

  @Test func otherSchemesCredentialsAndBrokenURLsAreRefused() {
    for url in [
      "javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://example.org/",
      "https://user:secret@example.org/", "https:///nohost", "", "example.org",
      "https://example.org/" + String(repeating: "a", count: 2100),
    ] {
      #expect(LinkSanitizer.httpURL(url) == nil, "\(url)")
    }
  }

  @Test func controlsSpacesAndInvisibleCharactersRefuseTheWholeURL() {
    for url in [
      "https://evil.example/\u{1B}]8;;x\u{07}", "https://example.org/a b",
      "https://example.org/\u{7F}",
      "https://example.org/\u{9B}", "https://example.org/\u{202E}gpj.exe",
      "https://exa\u{200B}mple.org/",
      "https://example.org/\n",
    ] {
      #expect(LinkSanitizer.httpURL(url) == nil, "\(url.debugDescription)")
    }
  }

  @Test func nonASCIIAndUnsafePunctuationArePercentEncoded() {
    #expect(LinkSanitizer.httpURL("https://example.org/été") == "https://example.org/%C3%A9t%C3%A9")
    #expect(
      LinkSanitizer.httpURL("https://example.org/a\"b<c>") == "https://example.org/a%22b%3Cc%3E")
  }

  @Test func theDomainIsTheHostWithoutWWW() {
    #expect(LinkSanitizer.domain(of: "https://www.Swift.org/blog/") == "swift.org")
    #expect(LinkSanitizer.domain(of: "https://docs.swift.org:8443/x") == "docs.swift.org")
    #expect(LinkSanitizer.domain(of: "not a url") == nil)
  }
}
