go tool pprof -top -addresses -lines heap_5.pb.gz
