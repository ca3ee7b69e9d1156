package main

import "io"

func printBehaviour(w io.Writer) {}
