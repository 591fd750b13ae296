// Throughput of @node-rs/jieba 2.0.3 (jieba-rs) on the shared corpus, measured the way
// `zharticle bench` measures the engine: load time, then median chars/s of cut (HMM on) and tag over
// all texts, one thread. Usage: node bench.mjs [corpus.jsonl] [rounds]
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const corpusPath = process.argv[2] ?? '../../../shared/corpus/business-news.jsonl'
const rounds = Number(process.argv[3] ?? 5)

const texts = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line).text)
  .filter((text) => typeof text === 'string' && text.length > 0)
const chars = texts.reduce((sum, text) => sum + text.length, 0)

const loadStart = performance.now()
const { Jieba } = await import('@node-rs/jieba')
const { dict } = await import('@node-rs/jieba/dict.js')
const jieba = Jieba.withDict(dict)
jieba.cut('预热', true)
const loadMs = performance.now() - loadStart

function measure(work) {
  const start = performance.now()
  let tokens = 0
  for (const text of texts) {
    tokens += work(text).length
  }
  return { seconds: (performance.now() - start) / 1000, tokens }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

for (const text of texts.slice(0, 50)) {
  jieba.cut(text, true)
  jieba.tag(text, true)
}

const cut = []
const tag = []
let cutTokens = 0
for (let round = 0; round < rounds; round++) {
  const c = measure((text) => jieba.cut(text, true))
  cut.push(chars / c.seconds)
  cutTokens = c.tokens
  tag.push(chars / measure((text) => jieba.tag(text, true)).seconds)
}

console.log(JSON.stringify({
  library: '@node-rs/jieba 2.0.3',
  node: process.version,
  texts: texts.length,
  chars,
  rounds,
  loadMs: Math.round(loadMs),
  cutCharsPerSecond: Math.round(median(cut)),
  cutSpread: Number(((Math.max(...cut) - Math.min(...cut)) / median(cut)).toFixed(3)),
  tagCharsPerSecond: Math.round(median(tag)),
  cutTokens,
}))
