// The simple-statistics functions only natural breaks and standard-deviation classes use, in a module
// of their own so the bundler makes them a chunk that classify.ts loads on first need (the /embed's
// budgeted JS carries them only for a map classified that way).
export { ckmeans, mean, standardDeviation } from 'simple-statistics';
