// Package loyalty models what customer satisfaction turns into over time:
// trust and loyalty, defection, word of mouth, and their money value.
package loyalty
