// Package pls estimates partial least squares path models (PLS-PM; Wold
// 1982; Lohmöller 1989; Tenenhaus, Esposito Vinzi, Chatelin & Lauro 2005)
// on the blocks of a survey instrument, with the customer satisfaction
// index models ACSI and ECSI as presets.
package pls
