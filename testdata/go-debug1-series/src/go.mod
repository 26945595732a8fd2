module example.com/debug1series

go 1.19
