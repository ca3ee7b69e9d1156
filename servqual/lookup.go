package servqual

// Lookups on a Report. Each returns a pointer into the report's own slice
// (so a caller may read or annotate the entry in place) or nil when the
// report has no such entry, like [Measures.Get]. They do not change the
// report and may be called concurrently on a shared Report.

// Item returns the statistics of the item with the given key, or nil.
func (r Report) Item(key string) *ItemReport {
	for i := range r.Items {
		if r.Items[i].Key == key {
			return &r.Items[i]
		}
	}
	return nil
}

// Dimension returns the statistics of the dimension with the given key, or
// nil.
func (r Report) Dimension(key string) *DimensionReport {
	for i := range r.Dimensions {
		if r.Dimensions[i].Key == key {
			return &r.Dimensions[i]
		}
	}
	return nil
}

// Outcome returns the statistics of the outcome rating with the given key,
// or nil.
func (r Report) Outcome(key string) *OutcomeReport {
	for i := range r.Outcomes {
		if r.Outcomes[i].Key == key {
			return &r.Outcomes[i]
		}
	}
	return nil
}

// ReliabilityOf returns the reliability of one dimension under measure m,
// or nil when the report has none (the measure was never answered, or
// the key is not a dimension's).
func (r Report) ReliabilityOf(dimension string, m Measure) *Reliability {
	for i := range r.Reliability {
		if x := &r.Reliability[i]; x.Dimension == dimension && x.Measure == m {
			return x
		}
	}
	return nil
}

// DriversOf returns the key-driver analysis of the outcome with the given
// key on the scores of measure m (Perception or Gap), or nil when the
// report has none. An analysis the data do not determine is returned with
// its Reason set.
func (r Report) DriversOf(outcome string, m Measure) *Drivers {
	for i := range r.Drivers {
		if x := &r.Drivers[i]; x.Outcome == outcome && x.Measure == m {
			return x
		}
	}
	return nil
}
