package main

import "io"

func printMoney(w io.Writer) {}
