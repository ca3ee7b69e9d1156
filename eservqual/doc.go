// Package eservqual measures the quality of online services and the
// technology readiness of their customers, as instrument definitions and
// analyses on package servqual's engine.
//
// # E-S-QUAL and E-RecS-QUAL
//
// Parasuraman, Zeithaml & Malhotra (2005) adapted SERVQUAL to online
// shopping: [ESQUAL] rates efficiency, system availability, fulfillment and
// privacy on 22 perception-only items; [ERecSQUAL] rates responsiveness,
// compensation and contact for customers who had a problem or a question,
// collected in a [RecoverySample] that keeps the others out of the sample.
// Efficiency and fulfillment matter most for perceived quality, value and
// loyalty, then system availability, then privacy (seed 003):
// [SeedDriverWeights] encodes that ordering, and [DriverWeights] replaces
// it with key-driver estimates when the data allow.
//
// # Technology readiness
//
// The Technology Readiness Index 2.0 (Parasuraman & Colby 2015) has four
// dimensions: the motivators optimism and innovativeness and the
// inhibitors discomfort and insecurity ([TRI], [ScoreTRI]):
//
//	TRI = (OPT + INN + (6 − DIS) + (6 − INS)) / 4   on the 1–5 scale.
//
// Customers fall into five segments — explorers, pioneers, skeptics,
// paranoids and laggards — for which a company chooses a high-tech or a
// high-touch approach ([Segment.Approach]). [Segmentation] approximates
// the published cluster and latent-class segmentations with k-means
// started from a documented profile set, and [BySegment] shows the
// E-S-QUAL scores of each segment.
package eservqual
