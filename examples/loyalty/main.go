// Command loyalty tells the story of a few customers of a fictional
// business with package loyalty: their trust, their value and their
// predicted future, on built-in data.
package main

import "os"

func main() {
	printBehaviour(os.Stdout)
	printMoney(os.Stdout)
	printModels(os.Stdout)
}
