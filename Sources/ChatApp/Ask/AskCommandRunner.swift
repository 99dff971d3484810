import Dispatch
import Foundation
import OpenRouter

/// Wires `orchat ask` to the live environment: the key, the base URL, the HTTP transport,
/// standard output and error, and Ctrl-C.
public enum AskCommandRunner {
  /// - Returns: the exit status.
  public static func run(
    _ options: AskOptions, baseURL: String?, environment: ProcessEnvironment = ProcessEnvironment()
  ) async -> Int32 {
    guard let key = environment.apiKey else {
      FileDescriptorOutput.standardError.write("error: \(ProcessEnvironment.missingKeyMessage)\n")
      return 1
    }
    let transport = HTTPClientTransport()
    let client = OpenRouterClient(
      configuration: OpenRouterConfiguration(
        apiKey: key,
        baseURL: baseURL ?? environment.baseURL ?? OpenRouterConfiguration.defaultBaseURL),
      transport: transport)
    let runner = AskRunner(
      client: client, output: FileDescriptorOutput.standardOutput,
      errors: FileDescriptorOutput.standardError)
    let task = Task { await runner.run(options) }
    let interrupt = InterruptWatcher { task.cancel() }
    let status = await task.value
    interrupt.stop()
    await transport.shutdown()
    return status
  }
}

/// Turns SIGINT into a callback (once), instead of killing the process, so the request can be
/// cancelled and the connection closed before exiting with 130.
final class InterruptWatcher {
  private let source: any DispatchSourceSignal

  init(onInterrupt: @escaping @Sendable () -> Void) {
    signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler(handler: onInterrupt)
    source.resume()
  }

  func stop() {
    source.cancel()
    signal(SIGINT, SIG_DFL)
  }
}
