// Two linear classifiers over the same binary features (indices into a language's feature list), trained on typed
// arrays in a few hundred milliseconds per language. They err differently, so their average errs less than either:
// the softmax regression weighs the intents against each other, while one perceptron per intent, trained alone
// against all the others, keeps a small intent's telling word decisive when a big intent shares the other words.
// Both yield to the server after every epoch or class.

import { yieldToEventLoop } from './yield-to-server.js';

/** One training example: the indices of its features and the index of its class. */
export type Example = { features: Int32Array; label: number };

/** Probability of each class given the indices of the features a text has, or undefined when it cannot tell. */
export type Scorer = (features: Int32Array) => Float64Array | undefined;

export type SoftmaxOptions = { epochs: number; learningRate: number; random: () => number };

/** A trained softmax regression: a weight per feature and class, row by feature, and a bias per class. */
export type SoftmaxWeights = { weights: Float32Array; bias: Float64Array };

// Each feature counts 1/√n: a long message would otherwise be as many times surer as it has words.
function forward(model: SoftmaxWeights, indices: Int32Array, out: Float64Array): number {
  const classes = model.bias.length;
  const scale = 1 / Math.sqrt(indices.length);
  out.set(model.bias);
  for (const f of indices) for (let c = 0, row = f * classes; c < classes; c++) out[c]! += scale * model.weights[row + c]!;
  softmax(out);
  return scale;
}

/** Multinomial logistic regression by stochastic gradient descent, the examples in a new seeded order each epoch. */
export async function trainSoftmax(examples: readonly Example[], features: number, classes: number, options: SoftmaxOptions): Promise<SoftmaxWeights> {
  const model: SoftmaxWeights = { weights: new Float32Array(features * classes), bias: new Float64Array(classes) };
  const { weights, bias } = model;
  const order = examples.flatMap((example, i) => (example.features.length ? [i] : []));
  const p = new Float64Array(classes);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    await yieldToEventLoop();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(options.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { features: indices, label } = examples[index]!;
      const scale = forward(model, indices, p);
      p[label]! -= 1;
      const rate = options.learningRate / (1 + step++ / order.length);
      for (const f of indices) for (let c = 0, row = f * classes; c < classes; c++) weights[row + c]! -= rate * scale * p[c]!;
      for (let c = 0; c < classes; c++) bias[c]! -= rate * p[c]!;
    }
  }
  return model;
}

export function softmaxScorer(model: SoftmaxWeights): Scorer {
  return (indices) => {
    if (!indices.length) return undefined;
    const out = new Float64Array(model.bias.length);
    forward(model, indices, out);
    return out;
  };
}

export type PerceptronOptions = { iterations: number; learningRate: number; momentum: number; leak: number };

/** Trained perceptrons: one weight vector and one bias per class. */
export type PerceptronWeights = { weights: Float32Array[]; bias: Float64Array };

function output(model: PerceptronWeights, leak: number, c: number, indices: Int32Array): number {
  const w = model.weights[c]!;
  let sum = model.bias[c]!;
  for (const f of indices) sum += w[f]!;
  return sum > 0 ? leak * sum : 0;
}

/**
 * One perceptron per class, each trained alone to answer 1 for its class and 0 for the others, as NLP.js's neural
 * network does: rectified outputs, momentum, a learning rate decaying with the epochs, examples in corpus order.
 */
export async function trainPerceptrons(
  examples: readonly Example[],
  features: number,
  classes: number,
  options: PerceptronOptions,
): Promise<PerceptronWeights> {
  const model: PerceptronWeights = { weights: Array.from({ length: classes }, () => new Float32Array(features)), bias: new Float64Array(classes) };
  for (let c = 0; c < classes; c++) {
    await yieldToEventLoop();
    const w = model.weights[c]!;
    const changes = new Float32Array(features);
    for (let iteration = 1; iteration <= options.iterations; iteration++) {
      const rate = options.learningRate / (1 + 0.001 * iteration);
      for (const { features: indices, label } of examples) {
        const actual = output(model, options.leak, c, indices);
        const error = (label === c ? 1 : 0) - actual;
        if (!error) continue;
        const delta = (actual > 0 ? 1 : options.leak) * error * rate;
        for (const f of indices) {
          const change = delta + options.momentum * changes[f]!;
          changes[f] = change;
          w[f]! += change;
        }
        model.bias[c]! += delta;
      }
    }
  }
  return model;
}

/** The perceptrons' outputs, squared and normalized, read as probabilities; when every one stays silent it cannot tell. */
export function perceptronScorer(model: PerceptronWeights, leak: number): Scorer {
  const classes = model.bias.length;
  return (indices) => {
    if (!indices.length) return undefined;
    const out = new Float64Array(classes);
    let total = 0;
    for (let c = 0; c < classes; c++) total += out[c] = output(model, leak, c, indices) ** 2;
    if (!total) return undefined;
    for (let c = 0; c < classes; c++) out[c]! /= total;
    return out;
  };
}

function softmax(logits: Float64Array): void {
  let max = -Infinity;
  for (const z of logits) max = Math.max(max, z);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) sum += logits[c] = Math.exp(logits[c]! - max);
  for (let c = 0; c < logits.length; c++) logits[c]! /= sum;
}
