import { EventEmitter } from 'node:events'

/** The vault's OS ports: a clipboard that remembers, notifications and dialogs that record. */
export class FakeClipboard {
  items: unknown[] = []
  text = ''
  write(items: unknown[]): Promise<void> {
    this.items = items
    return Promise.resolve()
  }
  readText(): string {
    return this.text
  }
  clear(): void {
    this.items = []
    this.text = ''
  }
}

export class FakeClipboardItem {
  constructor(readonly entries: Record<string, string | Blob>) {}
}

export class FakeNotification {
  static readonly shown: Array<{ title: string; body: string }> = []
  static isSupported(): boolean {
    return true
  }
  constructor(private readonly options: { title: string; body: string }) {}
  show(): void {
    FakeNotification.shown.push(this.options)
  }
}

export class FakeDialog {
  showSaveDialog(): Promise<{ canceled: boolean; filePath?: string }> {
    return Promise.resolve({ canceled: true })
  }
  showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
    return Promise.resolve({ canceled: true, filePaths: [] })
  }
}

export class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0
  getSystemIdleTime(): number {
    return this.idleSeconds
  }
}
